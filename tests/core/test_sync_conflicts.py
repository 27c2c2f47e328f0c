"""Sync conflict copies merged by id, and `hashiye-cli merge-driver` under a real `git merge`."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hashiye.core.annotations.model import edited, new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.conflicts import original_name
from hashiye.core.annotations.sidecar import SidecarContent, render_sidecar
from hashiye.core.annotations.store import AnnotationStore
from w3c_schema import every_sidecar_written_is_valid, must_failures  # noqa: F401 (autouse)

ARTICLE = "003_edc48c3769eb6a48"
SIDECAR = f"{ARTICLE}.annotations.json"


@pytest.mark.parametrize("name", [
    f"{ARTICLE}.annotations.sync-conflict-20261130-101112-ABCDEF7.json",      # Syncthing
    f"{ARTICLE}.annotations (Maryam's conflicted copy 2026-11-30).json",      # Dropbox
    f"{ARTICLE}.annotations (conflicted copy 2026-11-30 101112).json",        # Nextcloud
    f"{ARTICLE}.annotations (conflict 2026-11-30 101112).json",
    f"{ARTICLE}.annotations_conflict-20261130-101112.json",                   # older ownCloud
])
def test_conflict_copy_names_of_sync_tools_are_recognised(name: str) -> None:
    assert original_name(name) == SIDECAR


@pytest.mark.parametrize("name", [SIDECAR, f"{ARTICLE}.txt", f"{ARTICLE}.annotations.corrupt-20261130T1011Z.json",
                                  f"{ARTICLE}.sync-conflict-20261130-101112-ABCDEF7.txt", "notes (conflict).md"])
def test_other_names_are_not_conflict_copies(name: str) -> None:
    assert original_name(name) is None


def _later(stamp: str, hours: int) -> str:
    """A W3C `modified` time `hours` after `stamp`, written the same way (milliseconds, Z)."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")) + dt.timedelta(hours=hours)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def write_copy(folder: Path, name: str, annotations: list) -> Path:
    content = SidecarContent(annotations=annotations)
    path = folder / name
    path.write_text(render_sidecar(ARTICLE, content), "utf-8")
    return path


def test_a_syncthing_conflict_copy_is_merged_field_by_field_and_kept_aside(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    shared = new_annotation(art.id, art.source_text, 10, 20, note="پیش از همگام‌سازی", color="yellow")
    store.save_change(art, upsert=[shared])
    # This machine changes the note; the other machine changed the colour and added one.
    # Both edits after the shared version (times relative to it: fixed ones went stale as the day passed).
    here = replace(shared, note="یادداشت این دستگاه", modified=_later(shared.modified, hours=2))
    store.save_change(art, upsert=[here])
    there = replace(shared, color="green", modified=_later(shared.modified, hours=1))
    added_there = new_annotation(art.id, art.source_text, 40, 50, note="از دستگاه دیگر")
    copy = write_copy(seeds_copy, f"{ARTICLE}.annotations.sync-conflict-20261130-090000-ABCDEF7.json",
                      [there, added_there])
    copy_bytes = copy.read_bytes()

    shown = store.load(art)
    by_id = {a.annotation.id: a.annotation for a in shown.anchored}
    assert (by_id[shared.id].note, by_id[shared.id].color) == ("یادداشت این دستگاه", "green")
    assert added_there.id in by_id
    assert any(copy.name in w and "sync conflict copy" in w for w in shown.warnings)
    assert copy.exists(), "opening never writes"

    result = store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 80, 90)])
    doc = json.loads((seeds_copy / SIDECAR).read_text("utf-8"))
    assert must_failures(doc) == []
    saved = {i["id"]: i for i in doc["first"]["items"]}
    assert set(saved) >= {shared.id, added_there.id} and len(saved) == 3
    assert saved[shared.id]["target"]["styleClass"] == "green"
    assert saved[shared.id]["body"][0]["value"] == "یادداشت این دستگاه"
    assert not copy.exists()
    aside = list(seeds_copy.glob(f"{ARTICLE}.annotations.merged-conflict-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == copy_bytes, "the original copy is kept, unchanged"
    assert any(copy.name in w and aside[0].name in w for w in result.warnings)


def test_without_an_earlier_version_the_newer_edit_wins_and_nothing_is_dropped(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    a = new_annotation(art.id, art.source_text, 10, 20, note="قدیمی")
    write_copy(seeds_copy, SIDECAR, [replace(a, modified="2026-01-01T00:00:00.000Z")])
    write_copy(seeds_copy, f"{ARTICLE}.annotations (conflicted copy 2026-11-30 101112).json",
               [replace(a, note="تازه‌تر", modified="2026-02-01T00:00:00.000Z")])
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 40, 50)])
    items = json.loads((seeds_copy / SIDECAR).read_text("utf-8"))["first"]["items"]
    assert {i["id"]: i.get("body", [{}])[0].get("value") for i in items}[a.id] == "تازه‌تر"
    assert len(items) == 2


def test_an_unreadable_conflict_copy_is_reported_and_left_alone(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    copy = seeds_copy / f"{ARTICLE}.annotations (conflict 2026-11-30).json"
    copy.write_text("<<<<<<< not json", "utf-8")
    result = store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    assert copy.read_text("utf-8") == "<<<<<<< not json"
    assert any(copy.name in w and "left as it is" in w for w in result.warnings)


def test_every_conflict_copy_opened_at_once_is_told_of(seeds_copy: Path) -> None:
    """Three copies (and one unreadable) beside one sidecar: opening names each, not just the last."""
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    names = [f"{ARTICLE}.annotations (Maryam's conflicted copy 2026-11-30).json",
             f"{ARTICLE}.annotations (conflict 2026-11-30 101112).json",
             f"{ARTICLE}.annotations.sync-conflict-20261130-101112-ABCDEF7.json"]
    for i, name in enumerate(names):
        other = new_annotation(art.id, art.source_text, 30 + 10 * i, 35 + 10 * i)
        (seeds_copy / name).write_text(render_sidecar(ARTICLE, SidecarContent([other])), "utf-8")
    bad = seeds_copy / f"{ARTICLE}.annotations (conflict 2026-12-01).json"  # sorts after the first copy
    bad.write_text("<<<<<<< not json", "utf-8")
    loaded = AnnotationStore(seeds_copy).load(art)
    assert len(loaded.anchored) == 4
    for name in names:
        assert any(w.startswith(name) and "shown merged" in w for w in loaded.warnings), name
    assert any(bad.name in w and "left as it is" in w for w in loaded.warnings)


# --- git -----------------------------------------------------------------------------------------

def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check)


def two_branches(repo: Path, with_driver: bool) -> tuple[list[str], str]:
    """main: one annotation; branch a adds one and edits its note; branch b adds another and recolours it."""
    repo.mkdir()
    shutil.copy(Path(__file__).resolve().parents[2] / "seeds" / f"{ARTICLE}.txt", repo)
    git(repo, "init", "-q", "-b", "main")
    if with_driver:
        # The lines docs/annotations.md tells users to add (with this test's Python).
        (repo / ".gitattributes").write_text("*.annotations.json merge=hashiye\n", "utf-8")
        git(repo, "config", "merge.hashiye.name", "Hashiye annotations, merged by id")
        git(repo, "config", "merge.hashiye.driver", f"{sys.executable} -m hashiye.core.cli.main merge-driver %O %A %B %P")
    store, art = AnnotationStore(repo), load_article(repo / f"{ARTICLE}.txt")
    first = new_annotation(art.id, art.source_text, 10, 20, note="اول")
    store.save_change(art, upsert=[first])
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "a")
    on_a = new_annotation(art.id, art.source_text, 40, 50, note="شاخه الف")
    AnnotationStore(repo).save_change(art, upsert=[on_a, edited(first, note="اول، ویرایش الف")])
    git(repo, "commit", "-qam", "a")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "b")
    on_b = new_annotation(art.id, art.source_text, 45, 55, note="شاخه ب")
    AnnotationStore(repo).save_change(art, upsert=[on_b, edited(first, color="blue")])
    git(repo, "commit", "-qam", "b")
    return [first.id, on_a.id, on_b.id], first.id


def test_git_merge_of_two_annotated_branches_gives_the_union_without_conflict_markers(tmp_path: Path) -> None:
    repo = tmp_path / "corpus"
    ids, first = two_branches(repo, with_driver=True)
    merged = git(repo, "merge", "-q", "--no-edit", "a", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    raw = (repo / SIDECAR).read_text("utf-8")
    assert "<<<<<<<" not in raw and ">>>>>>>" not in raw
    doc = json.loads(raw)
    assert must_failures(doc) == []
    items = {i["id"]: i for i in doc["first"]["items"]}
    assert set(items) == set(ids)
    assert items[first]["body"][0]["value"] == "اول، ویرایش الف" and items[first]["target"]["styleClass"] == "blue"
    assert doc["id"] == f"urn:hashiye:annotations:{ARTICLE}"
    assert git(repo, "status", "--porcelain").stdout.strip() == ""


def test_without_the_driver_the_same_merge_conflicts(tmp_path: Path) -> None:
    """The control: git's line merge cannot combine these two branches."""
    repo = tmp_path / "corpus"
    two_branches(repo, with_driver=False)
    merged = git(repo, "merge", "-q", "--no-edit", "a", check=False)
    assert merged.returncode != 0 and "<<<<<<<" in (repo / SIDECAR).read_text("utf-8")


def test_the_merge_driver_respects_a_deletion_on_one_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from hashiye.core.cli.main import main

    art = load_article(Path(__file__).resolve().parents[2] / "seeds" / f"{ARTICLE}.txt")
    a = new_annotation(art.id, art.source_text, 10, 20)
    b = new_annotation(art.id, art.source_text, 40, 50)
    c = new_annotation(art.id, art.source_text, 60, 70)
    base = write_copy(tmp_path, "base.json", [a, b])
    ours = write_copy(tmp_path, "ours.json", [b])          # we deleted a
    theirs = write_copy(tmp_path, "theirs.json", [a, b, c])  # they added c
    assert main(["merge-driver", str(base), str(ours), str(theirs), f"corpus/{SIDECAR}"]) == 0
    out = {i["id"] for i in json.loads(ours.read_text("utf-8"))["first"]["items"]}
    assert out == {b.id, c.id}
    assert "1 deleted" in capsys.readouterr().err


def test_the_merge_driver_refuses_an_unreadable_side_and_leaves_ours(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from hashiye.core.cli.main import main

    art = load_article(Path(__file__).resolve().parents[2] / "seeds" / f"{ARTICLE}.txt")
    ours = write_copy(tmp_path, "ours.json", [new_annotation(art.id, art.source_text, 10, 20)])
    before = ours.read_bytes()
    (tmp_path / "theirs.json").write_text("{ broken", "utf-8")
    (tmp_path / "base.json").write_text("", "utf-8")
    code = main(["merge-driver", str(tmp_path / "base.json"), str(ours), str(tmp_path / "theirs.json")])
    assert code == 1 and ours.read_bytes() == before
    assert "leaving the merge to git" in capsys.readouterr().err


@pytest.mark.parametrize("missing", ["base", "ours", "theirs"])
def test_the_merge_driver_refuses_a_side_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             missing: str) -> None:
    """A wrong driver line (a missing %B) once merged as if they had deleted everything (exit 0)."""
    from hashiye.core.cli.main import main

    art = load_article(Path(__file__).resolve().parents[2] / "seeds" / f"{ARTICLE}.txt")
    a = new_annotation(art.id, art.source_text, 10, 20)
    paths = {side: write_copy(tmp_path, f"{side}.json", [a]) for side in ("base", "ours", "theirs")}
    paths[missing].unlink()
    before = paths["ours"].read_bytes() if missing != "ours" else None
    code = main(["merge-driver", str(paths["base"]), str(paths["ours"]), str(paths["theirs"])])
    assert code == 1 and "does not exist" in capsys.readouterr().err
    if before is None:
        assert not paths["ours"].exists(), "nothing is created in place of a missing %A"
    else:
        assert paths["ours"].read_bytes() == before


def test_an_annotation_shown_from_a_conflict_copy_can_be_deleted(seeds_copy: Path) -> None:
    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    mine = new_annotation(art.id, art.source_text, 10, 20)
    store.save_change(art, upsert=[mine])
    unwanted = new_annotation(art.id, art.source_text, 40, 50, note="نمی‌خواهم")
    write_copy(seeds_copy, f"{ARTICLE}.annotations.sync-conflict-20261130-090000-ABCDEF7.json", [unwanted])
    assert len(store.load(art).anchored) == 2
    result = store.save_change(art, delete=[unwanted.id])
    assert [a.annotation.id for a in result.anchored] == [mine.id]
    assert not any("not deleted" in w for w in result.warnings)


def test_a_deeply_nested_conflict_copy_or_merge_side_is_refused_without_a_traceback(
        seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from hashiye.core.cli.main import main

    store, art = AnnotationStore(seeds_copy), load_article(seeds_copy / f"{ARTICLE}.txt")
    copy = seeds_copy / f"{ARTICLE}.annotations.sync-conflict-20261130-090000-ABCDEF7.json"
    copy.write_text("[" * 100_000, "utf-8")
    result = store.save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20)])
    assert any(copy.name in w and "left as it is" in w for w in result.warnings) and copy.exists()
    ours = write_copy(tmp_path, "ours.json", [new_annotation(art.id, art.source_text, 10, 20)])
    before = ours.read_bytes()
    assert main(["merge-driver", str(copy), str(ours), str(copy)]) == 1
    assert ours.read_bytes() == before and "Traceback" not in capsys.readouterr().err
