"""Ordinary files that used to crash or hang Hashiye (issue 12, items 8, 10, 11, 12).

Each test builds the case in tmp_path and checks what a user notices: the folder still
lists, the message names the file and says why, annotations are kept, files are untouched,
no traceback and no hang (hang cases run in a child process or under an alarm).
"""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from hashiye.core.files import safe_read
from hypothesis import given, settings
from hypothesis import strategies as st
from hashiye.core.annotations.model import new_annotation, to_w3c
from hashiye.core.corpus.article import load_article
from hashiye.core.corpus.corpus import scan
from hashiye.core.search.listing_cache import cached_listing
from hashiye.core.annotations.sidecar import CorruptSidecar, read_sidecar, sidecar_path
from hashiye.core.annotations.store import AnnotationStore
from hostile_cases import (
    BAD_NAME,
    DAMAGED,
    GOOD,
    NESTED,
    PIPE,
    SEEDS,
    ZERO,
    damage,
    deadline,
    make_hostile_folder,
    run_cli,
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile folder, with one ordinary annotation on GOOD (read-only tests share it)."""
    folder = make_hostile_folder(tmp_path_factory.mktemp("hostile") / "corpus")
    annotate(folder, GOOD, note="یادداشت")
    return folder


def annotate(folder: Path, article: str, note: str = "") -> tuple[str, list[str]]:
    """Highlight a phrase of the article's second half through the store: (id, warnings of the save)."""
    art = load_article(folder / f"{article}.txt")
    text = art.source_text
    start = text.index(" ", len(text) * 3 // 4) + 1
    ann = new_annotation(art.id, text, start, start + 12, note=note)
    result = AnnotationStore(folder).save_change(art, upsert=[ann])
    return ann.id, result.warnings


def sidecar_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.annotations.json")
            if stat.S_ISREG(p.lstat().st_mode)}


# --- item 8: sidecars that are deeply nested, pipes, endless --------------------------------

def test_item8_deeply_nested_sidecar_is_reported_and_set_aside_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / f"{NESTED}.txt").write_bytes((SEEDS / f"{NESTED}.txt").read_bytes())
    side = folder / f"{NESTED}.annotations.json"
    side.write_text("[" * 1000, "utf-8")
    with deadline(20):
        listing = scan(folder)
    assert [a.id for a in listing.articles] == [NESTED], "the folder still lists"
    assert any(side.name in w["message"] and "nested 1000 levels deep" in w["message"] for w in listing.warnings)
    assert side.read_text("utf-8") == "[" * 1000, "reading changes nothing"

    side.write_text("[" * 5000 + "]" * 5000, "utf-8")  # valid JSON, absurdly deep
    with pytest.raises(CorruptSidecar, match="nested 5000 levels deep, more than the 100"):
        read_sidecar(folder / f"{NESTED}.txt")

    # the next annotation sets the file aside (kept, renamed) and starts a new sidecar
    ann_id, warnings = annotate(folder, NESTED)
    kept = [p for p in folder.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "[" * 5000 + "]" * 5000
    assert any(kept[0].name in w for w in warnings), "the user is told where it went"
    assert [a.id for a in read_sidecar(folder / f"{NESTED}.txt").annotations] == [ann_id]


def test_item8_brackets_inside_notes_are_not_nesting(tmp_path: Path) -> None:
    """A note full of brackets and escaped quotes is text, not depth: such a sidecar reads normally."""
    art_path = tmp_path / f"{GOOD}.txt"
    art_path.write_bytes((SEEDS / f"{GOOD}.txt").read_bytes())
    art = load_article(art_path)
    note = "[" * 3000 + '\\"{{{' + "}" * 10 + '"'
    ann = new_annotation(art.id, art.source_text, 10, 20, note=note)
    AnnotationStore(tmp_path).save_change(art, upsert=[ann])
    assert [a.note for a in read_sidecar(art_path).annotations] == [note]


def test_item8_pipe_and_dev_zero_sidecars_neither_hang_nor_fill_memory(hostile: Path) -> None:
    before = sidecar_bytes(hostile)
    t0 = time.perf_counter()
    out = run_cli("list", "--corpus", str(hostile), timeout=60)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert time.perf_counter() - t0 < 30
    listed = out.stdout.split()
    assert all(i in listed for i in (NESTED, PIPE, ZERO, GOOD, DAMAGED)), "every article is listed"
    assert f"{PIPE}.annotations.json is a named pipe (FIFO)" in out.stderr
    assert f"{ZERO}.annotations.json is a device" in out.stderr
    ann = run_cli("annotations", "--corpus", str(hostile), "--json")
    assert ann.returncode == 0 and "Traceback" not in ann.stderr
    assert [a["article"] for a in json.loads(ann.stdout)["annotations"]] == [GOOD], "the good annotation is there"
    assert stat.S_ISFIFO((hostile / f"{PIPE}.annotations.json").lstat().st_mode), "reading moves nothing"
    assert sidecar_bytes(hostile) == before


def test_item8_import_sets_a_pipe_sidecar_aside_and_keeps_the_annotation(tmp_path: Path) -> None:
    folder = make_hostile_folder(tmp_path / "c", huge=False)
    art = load_article(folder / f"{PIPE}.txt")
    ann = new_annotation(art.id, art.source_text, 100, 130, note="از ابزار دیگر")
    incoming = tmp_path / "in.json"
    incoming.write_text(json.dumps([to_w3c(ann)], ensure_ascii=False), "utf-8")
    out = run_cli("import", str(incoming), "--corpus", str(folder))
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "imported 1" in out.stdout
    kept = [p for p in folder.iterdir() if p.name.startswith(f"{PIPE}.annotations.corrupt-")]
    assert len(kept) == 1 and stat.S_ISFIFO(kept[0].lstat().st_mode), "the pipe is kept aside, renamed"
    assert kept[0].name in out.stderr, "and the user is told its new name"
    assert [a.note for a in read_sidecar(folder / f"{PIPE}.txt").annotations] == ["از ابزار دیگر"]


@pytest.mark.parametrize("kind", ["pipe", "dev-zero", "nested"])
def test_item8_hostile_import_files_get_a_message(tmp_path: Path, kind: str) -> None:
    folder = make_hostile_folder(tmp_path / "c", huge=False)
    src = tmp_path / "in.json"
    if kind == "pipe":
        os.mkfifo(src)
    elif kind == "dev-zero":
        os.symlink("/dev/zero", src)
    else:
        src.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    out = run_cli("import", str(src), "--corpus", str(folder), timeout=60)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert {"pipe": "named pipe", "dev-zero": "a device", "nested": "nested 100000 levels deep"}[kind] in out.stderr


def test_item8_article_files_that_are_pipes_devices_or_broken_links_are_skipped_with_a_reason(tmp_path: Path) -> None:
    folder = make_hostile_folder(tmp_path / "c", huge=False)
    os.symlink(tmp_path / "nowhere.txt", folder / "broken.txt")
    with deadline(30):
        listing = scan(folder)
        cached = cached_listing(folder)  # what the window lists
    for result in (listing, cached):
        skipped = {s.file: s.reason for s in result.skipped}
        assert "named pipe" in skipped["pipe.txt"]
        assert "a device" in skipped["zero.txt"]
        assert "No such file" in skipped["broken.txt"]
        assert len(result.articles) == 5


# --- item 10: a huge (sparse) article -----------------------------------------------------

def test_item10_huge_sparse_article_is_skipped_at_once_with_the_limit_named(hostile: Path) -> None:
    # VmHWM: the peak memory of this process image (ru_maxrss would include the forking parent's)
    code = ("import re, sys; from pathlib import Path; from hashiye.core.corpus.corpus import scan; "
            "r = scan(Path(sys.argv[1])); print([s.reason for s in r.skipped if s.file == 'huge.txt'][0]); "
            "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1])")
    import subprocess
    import sys

    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(hostile)], capture_output=True, text=True, timeout=60,
                         check=False)
    took = time.perf_counter() - t0
    assert out.returncode == 0, out.stderr
    reason, rss_kb = out.stdout.strip().splitlines()
    assert reason == "is too large (2 GB; files over 16 MB are not read)"
    assert int(rss_kb) < 300_000, "the 2 GB file was not read into memory"
    assert took < 20, "read whole it took 15 s"


def test_item10_binary_is_decided_from_the_first_64_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "scan.txt"
    big.write_bytes(b"\x00PDF" + os.urandom(10 * 1024 * 1024))  # under the size limit, binary from byte 0
    read = []
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(safe_read.os, "read", counting)
    listing = scan(tmp_path)
    monkeypatch.undo()
    assert [(s.file, s.reason) for s in listing.skipped] == [("scan.txt", "binary file (contains NUL bytes)")]
    assert 0 < sum(read) <= safe_read.PREFIX_BYTES, "only the first 64 KB of 10 MB were read"


# --- item 11: file names that are not UTF-8 --------------------------------------------------

def test_item11_names_that_are_not_utf8_are_skipped_with_a_reason_and_output_never_crashes(hostile: Path) -> None:
    shown = BAD_NAME.decode("utf-8", "replace")
    assert "\ufffd" in shown
    for result in (scan(hostile), cached_listing(hostile)):
        skipped = {s.file: s.reason for s in result.skipped}
        assert shown in skipped, "named with U+FFFD where the bytes are"
        assert "not valid UTF-8" in skipped[shown] and "convmv" in skipped[shown]
    out = run_cli("list", "--json", "--corpus", str(hostile))
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert shown in [s["file"] for s in json.loads(out.stdout)["skipped"]]
    found = run_cli("search", "سازمان", "--json", "--corpus", str(hostile))
    assert found.returncode == 0 and "Traceback" not in found.stderr
    assert json.loads(found.stdout)["total"] > 0
    assert BAD_NAME in os.listdir(os.fsencode(hostile)), "the file is untouched"


# --- item 12: a few invalid bytes in a UTF-8 article -------------------------------------------

def test_item12_invalid_bytes_become_replacement_characters_and_the_rest_keeps_its_positions(tmp_path: Path) -> None:
    text = (SEEDS / f"{DAMAGED}.txt").read_text("utf-8")
    raw, middle = damage(text)
    assert 6_000 < len(raw) < 12_000
    path = tmp_path / f"{DAMAGED}.txt"
    path.write_bytes(raw)
    art = load_article(path)
    assert art.encoding == "utf-8"
    # one U+FFFD per invalid byte sequence (each of these four bytes is one), as browsers decode it
    assert art.source_text == text[:middle] + "\ufffd" * 4 + text[middle:]
    assert art.source_text == raw.decode("utf-8", "replace")
    listing = scan(tmp_path)
    assert [a.id for a in listing.articles] == [DAMAGED]
    assert any("4 bytes that are not valid UTF-8" in w["message"] for w in listing.warnings)
    # an annotation after the damage is saved and found again at the same place
    ann_id, _ = annotate(tmp_path, DAMAGED, note="بعد از بایت‌های خراب")
    placed = AnnotationStore(tmp_path).load(load_article(path)).anchored
    assert [(a.annotation.id, a.status) for a in placed] == [(ann_id, "anchored")]
    assert path.read_bytes() == raw, "the article file is never changed"
    shown = run_cli("show", DAMAGED, "--json", "--corpus", str(tmp_path))
    assert shown.returncode == 0 and "not valid UTF-8" in shown.stderr


def test_item12_windows_1256_is_still_windows_1256(tmp_path: Path) -> None:
    """Persian in Windows-1256 is invalid UTF-8 at almost every letter: it is not taken for damaged UTF-8."""
    text = (SEEDS / f"{GOOD}.txt").read_text("utf-8")
    old = "".join(ch for ch in text if ch.encode("cp1256", "ignore")).replace("ی", "ي").replace("ک", "ك")
    (tmp_path / "old.txt").write_bytes(old.encode("cp1256"))
    art = load_article(tmp_path / "old.txt")
    assert (art.encoding, art.source_text) == ("cp1256", old)


# --- every command on the hostile folder: a message, never a traceback ----------------------

@pytest.mark.parametrize("args", [
    ["list"], ["list", "--json"], ["show", NESTED], ["show", PIPE, "--json"], ["show", ZERO],
    ["annotations"], ["annotations", "--json"], ["annotations", PIPE, "--json"],
    ["export", "--format", "csv"], ["export", "--format", "jsonld"], ["export", "--format", "md"], ["export", "--format", "tag-report"],
    ["search", "سازمان"], ["search", "سازمان", "--json"], ["show", "pipe"], ["show", "huge", "--json"],
])
def test_cli_gives_messages_not_tracebacks_on_the_hostile_folder(hostile: Path, args: list[str]) -> None:
    out = run_cli(*args, "--corpus", str(hostile))
    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode in (0, 1)
    if out.returncode == 1:
        assert out.stderr.startswith("hashiye-cli: ") and ("named pipe" in out.stderr or "too large" in out.stderr)
    elif "--json" in args:
        json.loads(out.stdout)
    assert sidecar_path(hostile / f"{GOOD}.txt").exists()


def test_item11_a_folder_whose_own_name_is_not_utf8_lists_searches_and_exports(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), "پوشه خبرها".encode("cp1256"))))
    folder.mkdir()
    (folder / f"{GOOD}.txt").write_bytes((SEEDS / f"{GOOD}.txt").read_bytes())
    annotate(folder, GOOD, note="یادداشت")
    for args in (["list", "--json"], ["search", "سازمان", "--json"], ["annotations", "--json"]):
        out = run_cli(*args, "--corpus", str(folder))
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
        json.loads(out.stdout)
    for fmt in ("csv", "md", "jsonld", "tag-report", "qdpx"):
        target = tmp_path / f"out.{fmt}"
        out = run_cli("export", "--format", fmt, "-o", str(target), "--corpus", str(folder))
        assert out.returncode == 0 and "wrote 1 annotations" in out.stderr, out.stderr
        if fmt == "jsonld":
            assert "\ufffd" in json.loads(target.read_text("utf-8"))["label"], "the name shown with U+FFFD"
        if fmt == "qdpx":
            import zipfile
            from xml.etree import ElementTree

            with zipfile.ZipFile(target) as z:
                root = ElementTree.fromstring(z.read("project.qde"))
            assert "\ufffd" in root.get("name", "")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\/ab\u0645\n'),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet='[]{}"\\k'), inner, max_size=4),
    max_leaves=30,
)


def true_depth(value: object) -> int:
    return 1 + max((true_depth(v) for v in (value.values() if isinstance(value, dict) else value)), default=0) \
        if isinstance(value, (list, dict)) else 0


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans())
def test_item8_nesting_is_measured_exactly_whatever_the_strings_hold(value: object, ascii_only: bool) -> None:
    """The linear pre-check agrees with the real depth, with brackets, quotes and backslashes inside strings."""
    text = json.dumps(value, ensure_ascii=ascii_only, indent=None if ascii_only else 1)
    assert safe_read.json_depth(text) == true_depth(value)
