"""A real full disk and a real read-only folder (a tiny tmpfs), beside the simulated ones in test_store.py.

Mounting needs root (or a user namespace); where that is not allowed these two tests are
skipped with that reason, and the simulated tests still cover the same promises.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore, StoreError

ARTICLE = "003_edc48c3769eb6a48"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        shutil.copy(SEEDS / f"{ARTICLE}.txt", disk)
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_a_really_full_disk_keeps_the_sidecar_and_says_so(small_disk: Path) -> None:
    store, art = AnnotationStore(small_disk), load_article(small_disk / f"{ARTICLE}.txt")
    first = new_annotation(art.id, art.source_text, 10, 20, note="پیش از پر شدن دیسک")
    store.save_change(art, upsert=[first])
    path = store.sidecar_for(ARTICLE)
    before = path.read_bytes()
    filler = fill(small_disk)
    with pytest.raises(StoreError, match="the disk is full.*previous file is unchanged"):
        store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50, note="ی" * 20000)])
    assert path.read_bytes() == before
    assert sorted(p.name for p in small_disk.iterdir()) == sorted([path.name, f"{ARTICLE}.txt", "filler.bin"])
    filler.unlink()
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50)])
    assert len(store.load(art).anchored) == 2


def test_a_really_read_only_folder_is_read_and_refuses_to_save(small_disk: Path) -> None:
    store, art = AnnotationStore(small_disk), load_article(small_disk / f"{ARTICLE}.txt")
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    before = store.sidecar_for(ARTICLE).read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    fresh = AnnotationStore(small_disk)
    assert len(fresh.load(art).anchored) == 1
    with pytest.raises(StoreError, match="the folder is read-only"):
        fresh.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50)])
    assert store.sidecar_for(ARTICLE).read_bytes() == before
