"""`export -o` never writes onto the corpus, and exports keep an existing file's mode (issue 12, item 5)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.cli.main import main
from hashiye.core.exchange.exporting import write_export
from hashiye.core.exchange.output_guard import ProtectedPath
from hashiye.core.annotations.store import AnnotationStore

ARTICLE = "003_edc48c3769eb6a48"


@pytest.fixture
def annotated(seeds_copy: Path) -> Path:
    art = load_article(seeds_copy / f"{ARTICLE}.txt")
    AnnotationStore(seeds_copy).save_change(art, upsert=[new_annotation(art.id, art.source_text, 10, 20, note="مهم")])
    return seeds_copy


def export(capsys: pytest.CaptureFixture[str], corpus: Path, target: Path, fmt: str = "jsonld") -> tuple[int, str]:
    code = main(["export", "--format", fmt, "-o", str(target), "--corpus", str(corpus)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["jsonld", "csv", "md", "qdpx"])
@pytest.mark.parametrize("which", ["sidecar", "article", "new article name", "relative spelling", "hard link",
                                   "symlink", "sidecar elsewhere"])
def test_export_refuses_articles_and_sidecars(annotated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch, fmt: str, which: str) -> None:
    sidecar, article = annotated / f"{ARTICLE}.annotations.json", annotated / f"{ARTICLE}.txt"
    before = {p.name: p.read_bytes() for p in annotated.iterdir()}
    target = {
        "sidecar": sidecar,
        "article": article,
        "new article name": annotated / "export.txt",
        "sidecar elsewhere": tmp_path / "other.annotations.json",
    }.get(which)
    if which == "relative spelling":
        monkeypatch.chdir(annotated)
        target = Path("..") / annotated.name / f"{ARTICLE}.annotations.json"
    elif which == "hard link":
        target = tmp_path / "out.json"
        os.link(article, target)
    elif which == "symlink":
        target = tmp_path / "out.json"
        target.symlink_to(sidecar)
    assert target is not None
    code, err = export(capsys, annotated, target, fmt)
    assert code == 2 and "choose another name" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in annotated.iterdir()} == before, "the corpus is untouched"


def test_the_rule_is_in_the_one_function_the_window_calls_too(annotated: Path) -> None:
    with pytest.raises(ProtectedPath, match="annotation file"):
        write_export("csv", annotated, [], annotated / f"{ARTICLE}.annotations.json")
    assert isinstance(ProtectedPath("x"), OSError), "the window reports OSErrors of write_export"


def test_an_export_keeps_the_mode_of_the_file_it_replaces(annotated: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("old", "utf-8")
    os.chmod(target, 0o640)
    code, err = export(capsys, annotated, target, "csv")
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and "مهم" in target.read_text("utf-8-sig")


def test_a_new_export_follows_the_umask(annotated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(0o077)
    try:
        code, err = export(capsys, annotated, tmp_path / "private.md", "md")
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "private.md").stat().st_mode) == 0o600, "exports were forced to 0644"


def test_an_export_onto_a_full_disk_keeps_the_old_export(annotated: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    target = tmp_path / "out.jsonld"
    target.write_text("previous export", "utf-8")

    def full(*_a: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    code, err = export(capsys, annotated, target)
    monkeypatch.undo()
    assert code == 1 and "No space left" in err
    assert target.read_text("utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_export_into_a_pipe_is_written_into_it(annotated: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """`-o /dev/stdout` or `-o >(gzip > x.gz)`: the pipe gets the export, it is not replaced by a file."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, err = export(capsys, annotated, fifo, "csv")
    reader.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and "مهم" in got[0].decode("utf-8-sig")


def test_an_export_through_a_symlink_replaces_its_target_and_keeps_the_link(annotated: Path, tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "reports" / "latest.md"
    real.parent.mkdir()
    real.write_text("old", "utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, err = export(capsys, annotated, link, "md")
    assert code == 0, err
    assert link.is_symlink() and "مهم" in real.read_text("utf-8")
