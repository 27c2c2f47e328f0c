"""Two windows (or the app and the CLI) editing one article: a 3-way merge by id keeps both."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hashiye.core.annotations.model import Annotation, edited, new_annotation
from hashiye.core.corpus.article import Article, load_article
from hashiye.core.annotations.store import AnnotationStore
from w3c_schema import assert_valid_file, every_sidecar_written_is_valid  # noqa: F401 (autouse)

ARTICLE = "003_edc48c3769eb6a48"
QUOTES = ("سازمان همیاری", "محرومیت زدایی")


def _setup(folder: Path) -> tuple[Article, AnnotationStore, AnnotationStore, list[Annotation]]:
    art = load_article(folder / f"{ARTICLE}.txt")
    anns = []
    for q in QUOTES:
        start = art.source_text.index(q)
        anns.append(new_annotation(art.id, art.source_text, start, start + len(q)))
    first = AnnotationStore(folder)
    first.save_change(art, upsert=anns)
    second = AnnotationStore(folder)
    first.load(art)
    second.load(art)
    return art, first, second, anns


def _by_id(store: AnnotationStore, art: Article) -> dict[str, Annotation]:
    return {a.annotation.id: a.annotation for a in store.load(art).anchored}


def test_edits_of_different_fields_of_one_annotation_both_survive(seeds_copy: Path) -> None:
    art, one, two, (a, _b) = _setup(seeds_copy)
    one.save_change(art, upsert=[edited(a, note="یادداشت از پنجره اول")])
    two.save_change(art, upsert=[edited(a, color="green", tags=["برچسب"])])
    got = _by_id(AnnotationStore(seeds_copy), art)[a.id]
    assert (got.note, got.color, got.tags) == ("یادداشت از پنجره اول", "green", ["برچسب"])
    assert_valid_file(one.sidecar_for(ARTICLE))


def test_the_same_field_edited_twice_keeps_the_newer_edit(seeds_copy: Path) -> None:
    art, one, two, (a, _b) = _setup(seeds_copy)
    older = replace(a, note="قدیمی", modified="2030-01-01T10:00:00Z")
    newer = replace(a, note="جدید", modified="2030-01-01T10:00:01Z")
    one.save_change(art, upsert=[newer])
    two.save_change(art, upsert=[older])  # saved later, but edited earlier
    assert _by_id(AnnotationStore(seeds_copy), art)[a.id].note == "جدید"


def test_a_deletion_elsewhere_is_respected(seeds_copy: Path) -> None:
    art, one, two, (a, b) = _setup(seeds_copy)
    one.save_change(art, delete=[a.id])
    extra = new_annotation(art.id, art.source_text, 0, 5)
    two.save_change(art, upsert=[extra])  # `two` still has `a` loaded: it must not come back
    assert set(_by_id(AnnotationStore(seeds_copy), art)) == {b.id, extra.id}


def test_deleting_what_another_window_just_edited_keeps_the_edit(seeds_copy: Path) -> None:
    art, one, two, (a, _b) = _setup(seeds_copy)
    one.save_change(art, upsert=[edited(a, note="کار تازه")])
    result = two.save_change(art, delete=[a.id])
    assert _by_id(AnnotationStore(seeds_copy), art)[a.id].note == "کار تازه"
    assert any("not deleted" in w for w in result.warnings)


def test_load_never_writes_and_save_rewrites_moved_anchors(seeds_copy: Path) -> None:
    art, one, _two, (a, b) = _setup(seeds_copy)
    sidecar = one.sidecar_for(ARTICLE)
    art.path.write_text("پاراگراف تازه در آغاز.\n\n" + art.source_text, encoding="utf-8")
    art = load_article(art.path)
    before = sidecar.read_bytes()
    states = {x.annotation.id: x.status for x in one.load(art).anchored}
    assert states == {a.id: "moved", b.id: "moved"} and sidecar.read_bytes() == before
    result = one.save_change(art, upsert=[new_annotation(art.id, art.source_text, 0, 7)])
    assert {x.status for x in result.anchored} == {"anchored"}
    stored = {x["id"]: x["target"]["selector"][1]["start"] for x in json.loads(sidecar.read_text())["first"]["items"]}
    assert stored[a.id] == art.source_text.index(QUOTES[0])


def test_an_orphan_stays_in_the_file_untouched(seeds_copy: Path) -> None:
    art, one, _two, (a, _b) = _setup(seeds_copy)
    item = next(i for i in json.loads(one.sidecar_for(ARTICLE).read_text())["first"]["items"] if i["id"] == a.id)
    art.path.write_text(art.source_text.replace(QUOTES[0], "نهادی دیگر"), encoding="utf-8")
    art = load_article(art.path)
    result = one.save_change(art, upsert=[new_annotation(art.id, art.source_text, 0, 7)])
    assert [x.status for x in result.anchored if x.annotation.id == a.id] == ["orphan"]
    assert result.anchored[-1].annotation.id == a.id, "orphans last"
    kept = next(i for i in json.loads(one.sidecar_for(ARTICLE).read_text())["first"]["items"] if i["id"] == a.id)
    assert kept == item


def test_stale_temporary_files_are_removed_by_the_next_write(seeds_copy: Path) -> None:
    art, one, _two, _anns = _setup(seeds_copy)
    stale = seeds_copy / f".{ARTICLE}.annotations.json.tmp-dead"
    stale.write_text("half a file", encoding="utf-8")
    one.save_change(art, upsert=[new_annotation(art.id, art.source_text, 0, 7)])
    assert not stale.exists()
    names = {p.name for p in seeds_copy.iterdir()} - {p.name for p in seeds_copy.glob("*.txt")}
    assert names == {f"{ARTICLE}.annotations.json"}, "the folder only ever receives sidecars"


def test_count_and_tags_across_the_corpus(seeds_copy: Path) -> None:
    art, one, _two, (a, b) = _setup(seeds_copy)
    one.save_change(art, upsert=[edited(a, tags=["نهاد", "قزوین"]), edited(b, tags=["قزوین"])])
    assert one.count(art.path) == (2, None)
    assert one.all_tags() == ["قزوین", "نهاد"]
    one.sidecar_for(ARTICLE).write_text("[", encoding="utf-8")
    count, warning = one.count(art.path)
    assert count == 0 and warning and "not valid JSON" in warning


def test_a_file_rewritten_in_place_by_another_tool_is_read_again(seeds_copy: Path) -> None:
    art, one, _two, (_a, b) = _setup(seeds_copy)
    sidecar = one.sidecar_for(ARTICLE)
    doc = json.loads(sidecar.read_text(encoding="utf-8"))
    doc["first"]["items"] = [i for i in doc["first"]["items"] if i["id"] == b.id]
    with open(sidecar, "w", encoding="utf-8") as f:  # same inode, like a text editor or sync tool
        json.dump(doc, f, ensure_ascii=False)
    assert set(_by_id(one, art)) == {b.id}
