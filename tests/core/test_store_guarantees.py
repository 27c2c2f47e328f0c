"""What docs/annotations.md "Guarantees" promises about writing: modes, full disks, locks, many writers."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hashiye.core.files import atomic
from hashiye.core.files import datalock
from hashiye.core.annotations.model import new_annotation, to_w3c
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore, StoreError
from w3c_schema import every_sidecar_written_is_valid, must_failures  # noqa: F401 (autouse)

ARTICLE = "003_edc48c3769eb6a48"


def setup(folder: Path) -> tuple[AnnotationStore, object]:
    return AnnotationStore(folder), load_article(folder / f"{ARTICLE}.txt")


def add(store: AnnotationStore, art, at: int, **kw):
    ann = new_annotation(art.id, art.source_text, at, at + 6, **kw)
    store.save_change(art, upsert=[ann])
    return ann


def saved_ids(folder: Path) -> set[str]:
    doc = json.loads((folder / f"{ARTICLE}.annotations.json").read_text("utf-8"))
    assert must_failures(doc) == []
    return {i["id"] for i in doc["first"]["items"]}


# --- modes and groups -------------------------------------------------------------------------

def test_a_save_keeps_the_sidecars_mode_so_collaborators_can_still_read_it(seeds_copy: Path) -> None:
    store, art = setup(seeds_copy)
    add(store, art, 10)
    path = store.sidecar_for(ARTICLE)
    os.chmod(path, 0o664)
    add(store, art, 40)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664, "a save used to reset the sidecar to 0600"


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_sidecar_follows_the_umask(seeds_copy: Path, umask: int, mode: int) -> None:
    store, art = setup(seeds_copy)
    old = os.umask(umask)
    try:
        add(store, art, 10)
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.sidecar_for(ARTICLE).stat().st_mode) == mode


def test_a_save_keeps_the_sidecars_group(seeds_copy: Path) -> None:
    store, art = setup(seeds_copy)
    add(store, art, 10)
    path = store.sidecar_for(ARTICLE)
    others = [g for g in os.getgroups() if g != path.stat().st_gid]
    group = 4242 if os.geteuid() == 0 else (others[0] if others else None)
    if group is None:
        pytest.skip("this user belongs to a single group, so no other group can be given to a file")
    os.chown(path, -1, group)
    add(store, art, 40)
    assert path.stat().st_gid == group


# --- full disk, kill -9 -----------------------------------------------------------------------

def test_a_full_disk_in_the_middle_of_writing_leaves_the_sidecar_untouched(seeds_copy: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    store, art = setup(seeds_copy)
    for at in (10, 40, 80):
        add(store, art, at, note="یادداشت " * 50)
    path = store.sidecar_for(ARTICLE)
    before = path.read_bytes()
    real_write = os.write
    written = [0]

    def write_until_full(fd: int, data) -> int:  # the disk fills after 1 KB of the new file
        if written[0] >= 1024:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real_write(fd, bytes(data[:512]))
        written[0] += n
        return n

    monkeypatch.setattr(os, "write", write_until_full)
    with pytest.raises(StoreError) as caught:
        add(store, art, 120)
    monkeypatch.undo()
    assert "disk is full" in str(caught.value) and "previous file is unchanged" in str(caught.value)
    assert written[0] >= 1024, "the failure happened part-way through the new file"
    assert path.read_bytes() == before
    assert not [p for p in seeds_copy.iterdir() if p.name.startswith(".")], "no temporary file or lock left"
    add(store, art, 120)  # space again: the next save works and keeps everything
    assert len(saved_ids(seeds_copy)) == 4


HOLDER = """
import sys, time
from pathlib import Path
from hashiye.core.files.datalock import data_lock
with data_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_writer_killed_while_holding_the_lock_does_not_block_the_next_save(seeds_copy: Path) -> None:
    store, art = setup(seeds_copy)
    path = store.sidecar_for(ARTICLE)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert datalock.lock_path(path).exists()
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    started = time.monotonic()
    add(store, art, 10)
    assert time.monotonic() - started < 5, "a lock of a dead process on this machine is stale at once"
    assert not datalock.lock_path(path).exists()
    assert len(saved_ids(seeds_copy)) == 1


# --- the lock beside the data -------------------------------------------------------------------

def write_lock(path: Path, host: str, pid: int, age: float) -> Path:
    lock = datalock.lock_path(path)
    lock.write_text(json.dumps({"host": host, "pid": pid, "time": time.time() - age}), "utf-8")
    os.utime(lock, (time.time() - age, time.time() - age))
    return lock


def test_a_lock_left_on_another_machine_long_ago_is_broken(seeds_copy: Path) -> None:
    store, art = setup(seeds_copy)
    lock = write_lock(store.sidecar_for(ARTICLE), "laptop-of-a-colleague", 1234, age=600)
    add(store, art, 10)
    assert not lock.exists() and len(saved_ids(seeds_copy)) == 1


def test_a_live_lock_is_waited_for_and_then_the_save_is_refused_with_a_message(seeds_copy: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    store, art = setup(seeds_copy)
    add(store, art, 10)
    path = store.sidecar_for(ARTICLE)
    before = path.read_bytes()
    write_lock(path, "server-b", 4321, age=0)
    monkeypatch.setattr(datalock, "TIMEOUT", 0.5)
    with pytest.raises(StoreError, match=r"another program \(server-b, process 4321\).*Nothing was saved"):
        add(store, art, 40)
    assert path.read_bytes() == before, "never written without the lock"


def test_the_lock_is_visible_to_a_writer_with_another_cache_folder(seeds_copy: Path, tmp_path: Path) -> None:
    """The old lock lived in each user's cache, so a second user did not see it."""
    store, _art = setup(seeds_copy)
    path = store.sidecar_for(ARTICLE)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ, HASHIYE_CACHE_DIR=str(tmp_path / "other-cache")))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        info = json.loads(datalock.lock_path(path).read_text("utf-8"))
        assert info["host"] == socket.gethostname() and info["pid"] == holder.pid
        with pytest.raises(datalock.LockBusy), datalock.data_lock(path, timeout=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_a_change_between_reading_and_renaming_is_read_and_merged_again(seeds_copy: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer that does not honour the lock (an old version, a sync tool) replaces the file mid-save."""
    store, art = setup(seeds_copy)
    first = add(store, art, 10)
    intruder = new_annotation(art.id, art.source_text, 60, 66, note="از دستگاه دیگر")
    path = store.sidecar_for(ARTICLE)
    real = atomic.write_atomic
    calls = []

    def intrude_once(target: Path, data: bytes, before_replace=None, durable=True) -> None:
        if target == path and not calls:
            calls.append(1)
            doc = json.loads(path.read_text("utf-8"))
            doc["first"]["items"].append(to_w3c(intruder))
            doc["total"] += 1
            real(path, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        real(target, data, before_replace, durable)

    monkeypatch.setattr("hashiye.core.annotations.store.write_atomic", intrude_once)
    mine = add(store, art, 120)
    monkeypatch.undo()
    assert saved_ids(seeds_copy) == {first.id, intruder.id, mine.id}


IMPORTER = """
import sys
from hashiye.core.cli.main import main
sys.exit(main(["import", sys.argv[1], "--corpus", sys.argv[2]]))
"""


def test_forty_parallel_imports_with_separate_cache_folders_keep_all_forty(seeds_copy: Path, tmp_path: Path) -> None:
    """Issue 12: 20 parallel pairs of imports into one article kept 32-37 of 40 annotations."""
    art = load_article(seeds_copy / f"{ARTICLE}.txt")
    wanted = set()
    procs = []
    for i in range(40):
        ann = new_annotation(art.id, art.source_text, 5 * i, 5 * i + 4, note=f"writer {i}")
        wanted.add(ann.id)
        src = tmp_path / f"in-{i}.json"
        src.write_text(json.dumps(to_w3c(ann), ensure_ascii=False), "utf-8")
        env = dict(os.environ, HASHIYE_CACHE_DIR=str(tmp_path / f"cache-{i}"),
                   HASHIYE_DATA_DIR=str(tmp_path / f"data-{i}"))
        procs.append(subprocess.Popen([sys.executable, "-c", IMPORTER, str(src), str(seeds_copy)], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    assert saved_ids(seeds_copy) == wanted, f"kept {len(saved_ids(seeds_copy) & wanted)} of 40"
    assert not [p.name for p in seeds_copy.iterdir() if p.name.startswith(".")]


def test_an_empty_lock_left_by_a_writer_that_died_creating_it_is_broken(seeds_copy: Path) -> None:
    store, art = setup(seeds_copy)
    lock = datalock.lock_path(store.sidecar_for(ARTICLE))
    lock.touch()
    os.utime(lock, (time.time() - 10, time.time() - 10))
    started = time.monotonic()
    add(store, art, 10)
    assert time.monotonic() - started < 5 and not lock.exists()
