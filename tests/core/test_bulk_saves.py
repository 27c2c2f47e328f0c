"""Saving many sidecars with one flush (autocode): each sidecar old or new, nothing lost, nothing doubled."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hashiye.core.analysis.autocode as autocode_module
import hashiye.core.annotations.bulk as bulk
import hashiye.core.files.atomic as atomic
from hashiye.core.analysis.autocode import autocode
from hashiye.core.annotations.codebook import iter_sidecar_annotations
from hashiye.core.files.indented_json import dumps_indented
from hashiye.core.annotations.model import new_annotation
from hashiye.core.annotations.store import AnnotationStore
from hashiye.core.corpus.article import load_article
from hashiye.core.files.atomic import Staged, replace_all
from hashiye.core.files.datalock import data_lock
from w3c_schema import every_sidecar_written_is_valid  # noqa: F401 (autouse: sidecars pass the W3C MUSTs)

WORD = "بهزیستی"  # in several of the seed articles


def _files(folder: Path, n: int) -> list[Path]:
    paths = [folder / f"f{i}.json" for i in range(n)]
    for i, p in enumerate(paths):
        p.write_bytes(f"old {i}".encode())
    return paths


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if atomic.TEMP_MARK in p.name)


# --- the batched writer (core/files/atomic.py) --------------------------------------------------

def test_replace_all_puts_every_file_in_place(tmp_path: Path) -> None:
    paths = _files(tmp_path, 5)
    errors = replace_all([Staged(p, f"new {i}".encode() * 1000) for i, p in enumerate(paths)])
    assert errors == [None] * 5
    assert [p.read_bytes() for p in paths] == [f"new {i}".encode() * 1000 for i in range(5)]
    assert _left(tmp_path) == []


def test_a_failed_check_mid_batch_leaves_that_file_old_and_no_temporary(tmp_path: Path) -> None:
    paths = _files(tmp_path, 5)

    def refuse() -> None:
        raise RuntimeError("changed meanwhile")

    checks = [None, None, refuse, None, None]
    errors = replace_all([Staged(p, f"new {i}".encode()) for i, p in enumerate(paths)], checks)
    assert isinstance(errors[2], RuntimeError) and errors[:2] == [None, None] and errors[3:] == [None, None]
    assert [p.read_bytes() for p in paths] == [b"new 0", b"new 1", b"old 2", b"new 3", b"new 4"]
    assert _left(tmp_path) == []


def test_failed_fsync_or_rename_leaves_those_files_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _files(tmp_path, 4)
    staged = [Staged(p, f"new {i}".encode()) for i, p in enumerate(paths)]
    bad_fd = staged[1]._fd
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        if fd == bad_fd:
            raise OSError(errno.EIO, "I/O error")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == paths[3]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    errors = replace_all(staged)
    assert errors[0] is None and errors[2] is None
    assert isinstance(errors[1], OSError) and isinstance(errors[3], OSError)
    assert [p.read_bytes() for p in paths] == [b"new 0", b"old 1", b"new 2", b"old 3"]
    assert _left(tmp_path) == []


def test_an_interrupt_mid_batch_leaves_each_file_old_or_new_and_no_temporary(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _files(tmp_path, 5)
    real_replace = os.replace
    calls = []

    def replace(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        replace_all([Staged(p, f"new {i}".encode()) for i, p in enumerate(paths)])
    assert [p.read_bytes() for p in paths] == [b"new 0", b"new 1", b"old 2", b"old 3", b"old 4"]
    assert _left(tmp_path) == []


def test_a_process_killed_mid_batch_leaves_each_file_complete_old_or_new(tmp_path: Path) -> None:
    paths = _files(tmp_path, 6)
    big = [f"new {i} ".encode() * 20000 for i in range(6)]
    script = f"""
import os
from pathlib import Path
from hashiye.core.files.atomic import Staged, replace_all
paths = [Path(p) for p in {[str(p) for p in paths]!r}]
done = []
def check():
    done.append(1)
    if len(done) == 4:
        os._exit(9)  # killed between two renames
replace_all([Staged(p, f"new {{i}} ".encode() * 20000) for i, p in enumerate(paths)], [check] * len(paths))
"""
    assert subprocess.run([sys.executable, "-c", script], timeout=120).returncode == 9
    got = [p.read_bytes() for p in paths]
    assert got[:3] == big[:3] and got[3:] == [b"old 3", b"old 4", b"old 5"]
    assert len(_left(tmp_path)) == 3  # a killed writer leaves its temporaries: the next save removes them
    for p in paths[3:]:
        atomic.remove_stale_temps(p)
    assert _left(tmp_path) == []


# --- the store's bulk path and autocode ---------------------------------------------------------

def test_autocode_across_batches_codes_each_hit_once_and_leaves_no_lock_or_temporary(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autocode_module, "BATCH", 2)
    dry = autocode(seeds_copy, WORD, "رفاه", dry_run=True)
    first = autocode(seeds_copy, WORD, "رفاه", coder="A")
    assert first.articles == dry.articles >= 3 and first.annotations == dry.annotations
    spans = [(art, a.start, a.end) for art, anns in iter_sidecar_annotations(seeds_copy) for a in anns]
    assert len(spans) == len(set(spans)) == first.annotations
    assert autocode(seeds_copy, WORD, "رفاه", coder="A").annotations == 0  # idempotent
    assert sum(len(a) for _i, a in iter_sidecar_annotations(seeds_copy)) == first.annotations
    hidden = [p.name for p in seeds_copy.iterdir() if p.name.startswith(".")]
    assert hidden == []  # no lock and no temporary file left


def test_two_autocodes_at_once_add_each_annotation_once(seeds_copy: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autocode_module, "BATCH", 1)
    expected = autocode(seeds_copy, WORD, "رفاه", dry_run=True).annotations
    results: list[int] = []
    runs = [threading.Thread(target=lambda: results.append(autocode(seeds_copy, WORD, "رفاه").annotations))
            for _ in range(2)]
    for t in runs:
        t.start()
    for t in runs:
        t.join()
    anns = [(art, a.start, a.end) for art, anns in iter_sidecar_annotations(seeds_copy) for a in anns]
    assert len(anns) == len(set(anns)) == expected == sum(results)


def test_an_annotation_saved_by_another_user_meanwhile_is_merged_not_lost(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another writer (one that ignored the lock, or a sync tool) changes a sidecar between the
    batch's read and its rename: that sidecar is merged again and both annotations stay."""
    target = "001_efa6bf155fd70a28"
    art = load_article(seeds_copy / f"{target}.txt")
    theirs = new_annotation(art.id, art.source_text, 10, 30, tags=["دیگری"])
    real = bulk.replace_all

    def meanwhile(staged: Any, checks: Any = None) -> Any:
        sidecar = seeds_copy / f"{target}.annotations.json"
        if not sidecar.exists():
            other = AnnotationStore(seeds_copy)
            other.load(art)
            # what a save would write, written without the lock this batch holds
            ready = other.prepare(art, sidecar, other.change(art.id, [theirs]), [], [])
            sidecar.write_bytes(ready.data)
        return real(staged, checks)

    monkeypatch.setattr(bulk, "replace_all", meanwhile)
    result = autocode(seeds_copy, WORD, "رفاه")
    store = AnnotationStore(seeds_copy)
    ids = {p.annotation.id for p in store.load(art).anchored}
    assert theirs.id in ids  # the other writer's annotation survived
    mine = [a for a in (p.annotation for p in store.load(art).anchored) if "رفاه" in a.tags]
    assert mine  # and the autocode's annotations for that article were saved too
    assert sum(len(a) for _i, a in iter_sidecar_annotations(seeds_copy)) == result.annotations + 1


def test_a_sidecar_locked_by_another_writer_is_saved_after_it_with_both_changes(seeds_copy: Path) -> None:
    target = "001_efa6bf155fd70a28"
    art = load_article(seeds_copy / f"{target}.txt")
    theirs = new_annotation(art.id, art.source_text, 10, 30, tags=["دیگری"])
    sidecar = seeds_copy / f"{target}.annotations.json"
    locked, release = threading.Event(), threading.Event()

    def other_user() -> None:  # holds the lock a moment, then saves through it
        with data_lock(sidecar):
            locked.set()
            release.wait(10)
        other = AnnotationStore(seeds_copy)
        other.load(art)
        other.save_change(art, upsert=[theirs])

    t = threading.Thread(target=other_user)
    t.start()
    locked.wait(10)
    threading.Timer(0.5, release.set).start()
    result = autocode(seeds_copy, WORD, "رفاه")
    t.join()
    anns = {a.id: a for _i, anns in iter_sidecar_annotations(seeds_copy) for a in anns}
    assert theirs.id in anns
    assert len(anns) == result.annotations + 1


def test_autocode_keeps_the_previous_version_of_a_sidecar_it_changes(seeds_copy: Path) -> None:
    target = "001_efa6bf155fd70a28"
    art = load_article(seeds_copy / f"{target}.txt")
    store = AnnotationStore(seeds_copy)
    store.load(art)
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 30, tags=["پیشین"])])
    before = (seeds_copy / f"{target}.annotations.json").read_bytes()
    autocode(seeds_copy, WORD, "رفاه")
    assert (seeds_copy / f"{target}.annotations.json").read_bytes() != before
    kept = [v.path.read_bytes() for v in AnnotationStore(seeds_copy).history.versions(target)]
    assert before in kept


# --- rendering sidecars fast, identically --------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(JSON, st.sampled_from(["", "  ", "      "]))
def test_indented_json_is_what_the_standard_library_writes(value: Any, indent: str) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    assert dumps_indented(value, indent) == expected


def test_indented_json_with_keys_and_values_json_converts(tmp_path: Path) -> None:
    odd = {1: "یک", None: [float("nan"), float("inf"), (1, 2)], "x": {}, "y": []}
    assert dumps_indented(odd) == json.dumps(odd, ensure_ascii=False, indent=2)


def test_a_sidecar_that_cannot_be_saved_is_reported_after_the_others_of_its_batch(
        seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hashiye.core.analysis.autocode import autocode_steps
    from hashiye.core.annotations.store import StoreError

    target = "001_efa6bf155fd70a28"
    real = bulk.Staged

    def staged(path: Path, data: bytes) -> Staged:
        if path.name.startswith(target):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(bulk, "Staged", staged)
    steps = []
    with pytest.raises(StoreError, match="the disk is full"):
        for step in autocode_steps(seeds_copy, WORD, "رفاه"):
            steps.append(step)
    told = {a.id for s in steps for a in s.created}
    on_disk = {a.id for _i, anns in iter_sidecar_annotations(seeds_copy) for a in anns}
    assert told == on_disk and len(on_disk) > 0  # the others were saved, and told (the window can undo them)
    assert target not in {s.article for s in steps}
    assert not (seeds_copy / f"{target}.annotations.json").exists()
    assert [p.name for p in seeds_copy.iterdir() if p.name.startswith(".")] == []
