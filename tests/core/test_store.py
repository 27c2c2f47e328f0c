"""The store never loses an annotation: merges, crashes, corrupt files, full disks, read-only folders."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hashiye.core.annotations.model import edited, new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore, StoreError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from w3c_schema import every_sidecar_written_is_valid, must_failures  # noqa: E402, F401 (autouse)

ARTICLE = "003_edc48c3769eb6a48"


def sidecar_json(folder: Path) -> dict:
    return json.loads((folder / f"{ARTICLE}.annotations.json").read_text("utf-8"))


def add(store: AnnotationStore, art, quote: str, **kw):
    start = art.source_text.index(quote)
    ann = new_annotation(art.id, art.source_text, start, start + len(quote), **kw)
    store.save_change(art, upsert=[ann])
    return ann


def test_saved_sidecar_is_valid_w3c_and_merge_friendly(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    b = add(store, art, "سازمان همیاری", color="blue", tags=["نهادها"])
    a = add(store, art, "محرومیت زدایی", color="pink", note="واژه کلیدی")
    path = store.sidecar_for(ARTICLE)
    raw = path.read_text("utf-8")
    doc = json.loads(raw)
    assert must_failures(doc) == []
    items = doc["first"]["items"]
    assert [i["id"] for i in items] == [b.id, a.id], "sorted by position, not by creation"
    assert raw.endswith("}\n") and "\\u" not in raw and raw.startswith('{\n  "@context"')
    assert items[0]["target"]["source"] == f"urn:hashiye:article:{ARTICLE}"
    assert items[1]["motivation"] == "commenting" and items[0]["motivation"] == "highlighting"
    assert [x.status for x in store.load(art).anchored] == ["anchored", "anchored"]


def test_unknown_fields_survive_a_rewrite(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    ann = add(store, art, "سازمان همیاری")
    path = store.sidecar_for(ARTICLE)
    doc = json.loads(path.read_text("utf-8"))
    doc["generator"] = {"id": "https://example.org/other-tool", "type": "Software"}
    doc["first"]["items"][0]["creator"] = {"type": "Person", "name": "پژوهشگر"}
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    store.save_change(art, upsert=[edited(ann, note="تازه")])
    doc = sidecar_json(seeds_copy)
    assert doc["generator"]["id"] == "https://example.org/other-tool"
    assert doc["first"]["items"][0]["creator"]["name"] == "پژوهشگر"
    assert doc["first"]["items"][0]["body"][0]["value"] == "تازه"


def test_a_malformed_record_is_kept_and_does_not_hide_the_others(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    ann = add(store, art, "سازمان همیاری")
    path = store.sidecar_for(ARTICLE)
    doc = json.loads(path.read_text("utf-8"))
    weird = {"id": "urn:uuid:weird", "type": "Annotation", "target": 42}
    doc["first"]["items"].append(weird)
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    result = store.load(art)
    assert [a.annotation.id for a in result.anchored] == [ann.id]
    assert any("could not be read" in w for w in result.warnings)
    add(store, art, "محرومیت زدایی")
    assert weird in sidecar_json(seeds_copy)["first"]["items"]


def test_corrupt_sidecar_is_kept_aside_on_write(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    path = store.sidecar_for(ARTICLE)
    path.write_text("{ this is not json", "utf-8")
    loaded = store.load(art)
    assert loaded.anchored == [] and "not valid JSON" in loaded.warnings[0]
    assert path.read_text("utf-8") == "{ this is not json", "reading never changes the file"
    ann = new_annotation(art.id, art.source_text, 10, 20)
    result = store.save_change(art, upsert=[ann])
    aside = list(seeds_copy.glob(f"{ARTICLE}.annotations.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_text("utf-8") == "{ this is not json"
    assert any(aside[0].name in w for w in result.warnings)
    assert [a.annotation.id for a in result.anchored] == [ann.id]


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"),
                                         (errno.EACCES, "read-only")])
def test_write_failures_are_clear_and_leave_the_old_file(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                          code: int, words: str) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    add(store, art, "سازمان همیاری")
    before = store.sidecar_for(ARTICLE).read_bytes()

    def fail(*_a, **_k):
        raise OSError(code, os.strerror(code))

    target = "fsync" if code == errno.ENOSPC else "replace"
    monkeypatch.setattr(os, target, fail)
    with pytest.raises(StoreError, match=words):
        store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 30, 40)])
    monkeypatch.undo()
    assert store.sidecar_for(ARTICLE).read_bytes() == before
    assert not list(seeds_copy.glob(".*.tmp-*")), "no temporary file left behind"


WRITER = """
import sys
from pathlib import Path
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore
folder, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = AnnotationStore(folder)
art = load_article(folder / "003_edc48c3769eb6a48.txt")
for i in range(count):
    ann = new_annotation(art.id, art.source_text, i, i + 5, tags=[tag])
    store.save_change(art, upsert=[ann])
    print(ann.id, flush=True)
"""


def test_two_processes_writing_at_once_keep_the_union(seeds_copy: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(seeds_copy), tag, "25"],
                              stdout=subprocess.PIPE, text=True) for tag in ("one", "two")]
    ids = set()
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        ids |= set(out.split())
    saved = {i["id"] for i in sidecar_json(seeds_copy)["first"]["items"]}
    assert len(ids) == 50 and saved == ids


def test_kill_9_never_loses_committed_annotations(seeds_copy: Path) -> None:
    rng = random.Random(7)
    committed: set[str] = set()
    for _round in range(8):
        p = subprocess.Popen([sys.executable, "-c", WRITER, str(seeds_copy), "k", "400"],
                             stdout=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.4, 1.2))
        p.send_signal(signal.SIGKILL)
        out, _ = p.communicate()
        committed |= set(out.split())
        doc = sidecar_json(seeds_copy)  # always parses
        saved = {i["id"] for i in doc["first"]["items"]}
        assert committed <= saved
        assert must_failures(doc) == []
    assert len(committed) > 8
