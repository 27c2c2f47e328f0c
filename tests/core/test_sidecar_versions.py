"""One id listed twice, earlier versions kept, `hashiye-cli history` and `restore`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hashiye.core.annotations.model import edited, new_annotation, to_w3c
from hashiye.core.corpus.article import load_article
from hashiye.core.cli.main import main
from hashiye.core.annotations.history import History
from hashiye.core.annotations.store import AnnotationStore
from w3c_schema import every_sidecar_written_is_valid, must_failures  # noqa: F401 (autouse)

ARTICLE = "003_edc48c3769eb6a48"


def setup(folder: Path) -> tuple[AnnotationStore, object]:
    return AnnotationStore(folder), load_article(folder / f"{ARTICLE}.txt")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def items(folder: Path) -> list[dict]:
    return json.loads((folder / f"{ARTICLE}.annotations.json").read_text("utf-8"))["first"]["items"]


# --- the same id twice ----------------------------------------------------------------------

@pytest.mark.parametrize("newer_first", [True, False])
def test_the_same_id_twice_keeps_the_newer_note_and_sets_the_other_aside(seeds_copy: Path,
                                                                        newer_first: bool) -> None:
    store, art = setup(seeds_copy)
    old = new_annotation(art.id, art.source_text, 10, 20, note="یادداشت قدیمی")
    old = replace(old, modified="2026-01-01T10:00:00.000Z")
    new = replace(old, note="یادداشت تازه", modified="2026-03-01T10:00:00.000Z")
    records = [to_w3c(new), to_w3c(old)] if newer_first else [to_w3c(old), to_w3c(new)]
    doc = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
           "first": {"type": "AnnotationPage", "items": records}}
    store.sidecar_for(ARTICLE).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")

    loaded = store.load(art)
    assert [a.annotation.note for a in loaded.anchored] == ["یادداشت تازه"]
    assert any("listed twice" in w and "newer" in w for w in loaded.warnings)

    other = new_annotation(art.id, art.source_text, 40, 50)
    saved = store.save_change(art, upsert=[other])
    notes = {i["id"]: i["body"][0]["value"] for i in items(seeds_copy) if i.get("body")}
    assert notes == {old.id: "یادداشت تازه"}, "the newer note survives the next save"
    aside = list(seeds_copy.glob(f"{ARTICLE}.annotations.duplicates-*.json"))
    assert len(aside) == 1 and any(aside[0].name in w for w in saved.warnings)
    kept = json.loads(aside[0].read_text("utf-8"))
    assert [r["body"][0]["value"] for r in kept["first"]["items"]] == ["یادداشت قدیمی"]
    assert must_failures(kept) == [], "the file kept aside is a W3C collection too (ids included)"
    assert not any("listed twice" in w for w in store.load(art).warnings), "told once, then resolved"


def test_a_record_listed_twice_identically_is_kept_once(seeds_copy: Path) -> None:
    store, art = setup(seeds_copy)
    ann = new_annotation(art.id, art.source_text, 10, 20, note="یک")
    doc = {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [to_w3c(ann)] * 2}}
    store.sidecar_for(ARTICLE).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50)])
    assert [i["id"] for i in items(seeds_copy)].count(ann.id) == 1
    assert not list(seeds_copy.glob("*.duplicates-*")), "nothing differed, so nothing to set aside"


# --- earlier versions -----------------------------------------------------------------------------

def test_every_rewrite_keeps_the_previous_version_bounded_by_count(seeds_copy: Path, tmp_path: Path) -> None:
    history = History(seeds_copy, root=tmp_path / "history", max_versions=3)
    store, art = AnnotationStore(seeds_copy, history), load_article(seeds_copy / f"{ARTICLE}.txt")
    sizes = []
    for i in range(6):
        store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10 * i, 10 * i + 5)])
        sizes.append(len(items(seeds_copy)))
    kept = history.versions(ARTICLE)
    assert [len(history.read(ARTICLE, v).annotations) for v in kept] == [5, 4, 3], "newest three, oldest dropped"
    assert not any(p.is_relative_to(seeds_copy) for p in kept[0].path.parents), "kept outside the corpus"


def test_versions_are_bounded_by_size_too(seeds_copy: Path, tmp_path: Path) -> None:
    history = History(seeds_copy, root=tmp_path / "history", max_bytes=9000)
    store, art = AnnotationStore(seeds_copy, history), load_article(seeds_copy / f"{ARTICLE}.txt")
    for i in range(12):
        store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10 * i, 10 * i + 5,
                                                      note="ی" * 300)])
    kept = history.versions(ARTICLE)
    assert 1 <= len(kept) < 11 and sum(v.size for v in kept) <= 9000 + kept[-1].size
    assert len(history.read(ARTICLE, kept[0]).annotations) == 11, "the newest version is always there"


def test_history_and_restore_bring_back_a_deleted_note(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, art = setup(seeds_copy)
    keep = new_annotation(art.id, art.source_text, 10, 20, note="مهم است")
    store.save_change(art, upsert=[keep])
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50)])
    store.save_change(art, delete=[keep.id])  # the mistake
    assert keep.id not in {i["id"] for i in items(seeds_copy)}

    code, out, _ = run(capsys, "history", ARTICLE, "--corpus", str(seeds_copy), "--json")
    versions = json.loads(out)["versions"]
    assert code == 0 and [v["annotations"] for v in versions] == [2, 1]
    code, _out, err = run(capsys, "restore", ARTICLE, versions[0]["version"], "--corpus", str(seeds_copy))
    assert code == 0 and "restored 2 annotations" in err
    restored = {i["id"]: i for i in items(seeds_copy)}
    assert restored[keep.id]["body"][0]["value"] == "مهم است"
    assert must_failures(json.loads(store.sidecar_for(ARTICLE).read_text("utf-8"))) == []

    code, out, _ = run(capsys, "history", ARTICLE, "--corpus", str(seeds_copy))
    assert code == 0 and out.splitlines()[0].split()[2] == "1", "the state before the restore is kept too"
    code, _out, err = run(capsys, "restore", ARTICLE, "1", "--corpus", str(seeds_copy))
    assert code == 0 and keep.id not in {i["id"] for i in items(seeds_copy)}, "a restore can be undone"


def test_restore_of_an_unknown_version_is_a_usage_error(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, art = setup(seeds_copy)
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    before = store.sidecar_for(ARTICLE).read_bytes()
    code, _out, err = run(capsys, "restore", ARTICLE, "19990101", "--corpus", str(seeds_copy))
    assert code == 2 and "no version" in err and "Traceback" not in err
    assert store.sidecar_for(ARTICLE).read_bytes() == before
    code, _out, err = run(capsys, "history", ARTICLE, "--corpus", str(seeds_copy))
    assert code == 0 and "no earlier versions" in err


@pytest.mark.parametrize("version", ["", "²"])
def test_restore_of_an_empty_or_odd_version_changes_nothing(seeds_copy: Path, capsys: pytest.CaptureFixture[str],
                                                            version: str) -> None:
    """With one version kept, "" once matched it (every name starts with "") and "²" crashed int()."""
    store, art = setup(seeds_copy)
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50)])
    before = store.sidecar_for(ARTICLE).read_bytes()
    code, _out, err = run(capsys, "restore", ARTICLE, version, "--corpus", str(seeds_copy))
    assert code == 2 and "no version" in err
    assert store.sidecar_for(ARTICLE).read_bytes() == before


def test_history_and_restore_refuse_an_id_that_is_a_path(seeds_copy: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`restore ../other/ID 1` once read the other folder's article and rewrote this folder's sidecar."""
    store, art = setup(seeds_copy)
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50)])
    before = store.sidecar_for(ARTICLE).read_bytes()
    other = tmp_path / "other"
    other.mkdir()
    (other / f"{ARTICLE}.txt").write_text("متنی دیگر، کوتاه و بی‌ربط به این مقاله.\n", "utf-8")
    for argv in (["restore", f"../other/{ARTICLE}", "1"], ["history", f"../other/{ARTICLE}"]):
        code, _out, err = run(capsys, *argv, "--corpus", str(seeds_copy))
        assert code == 1 and "no article with id" in err, argv
    assert store.sidecar_for(ARTICLE).read_bytes() == before
    assert sorted(p.name for p in other.iterdir()) == [f"{ARTICLE}.txt"]


def test_restore_change_gives_an_undoable_pair(seeds_copy: Path) -> None:
    """What the window's undoable command needs: apply `after` over `before`, and back."""
    store, art = setup(seeds_copy)
    a = new_annotation(art.id, art.source_text, 10, 20, note="اول")
    store.save_change(art, upsert=[a])
    store.save_change(art, upsert=[edited(a, note="دوم"), new_annotation(art.id, art.source_text, 40, 50)])
    before, after = store.restore_change(art, "1")
    assert [x.note for x in after] == ["اول"] and len(before) == 2
    after_ids = {x.id for x in after}
    store.save_change(art, upsert=after, delete=[x.id for x in before if x.id not in after_ids])
    assert [(i["id"], i["body"][0]["value"]) for i in items(seeds_copy)] == [(a.id, "اول")]
    store.save_change(art, upsert=before, delete=[x.id for x in after if x.id not in {b.id for b in before}])
    assert len(items(seeds_copy)) == 2
