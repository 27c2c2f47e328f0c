"""The window keeps answering while a large folder is searched and exported (slow work runs on the runner)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
LIMIT_MS = 100


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "c2000"
    subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "2000", str(folder)], check=True,
                   capture_output=True, timeout=300)
    return folder


def test_ui_thread_never_stalls_while_2000_articles_are_searched_and_exported(qtbot, big_folder: Path,
                                                                               tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import bench_ui_stall
    finally:
        sys.path.remove(str(BENCH))
    assert bench_ui_stall.annotate_some(big_folder) == 200
    # Objects left by the tests before this one are not the window's: collect them now and keep them out
    # of later collections, so a collection pause over the whole test session is not counted as a stall.
    # A stall of ours (work on the UI thread, a worker holding the interpreter) shows in every run; a
    # busy machine's scheduler can also hold the whole process for a moment once. So a phase fails when
    # it is over the limit in a second run too (the figures of both runs are in the message).
    runs: list[dict[str, float]] = []
    for attempt in range(2):
        # Objects left by the tests before this one are not the window's: collect them now and keep them out
        # of later collections, so a collection pause over the whole test session is not counted as a stall.
        gc.collect()
        gc.freeze()
        try:
            figures = bench_ui_stall.measure(big_folder, "روستا", tmp_path / f"export-{attempt}.csv")
        finally:
            gc.unfreeze()
        assert (tmp_path / f"export-{attempt}.csv").stat().st_size > 0, "the export was written"
        assert set(figures) == {"search (index build + query)", "search (three more queries)",
                                "export (every article, CSV)"}
        runs.append(figures)
        if all(ms <= LIMIT_MS for ms in figures.values()):
            break
    slow = {phase: [round(r[phase]) for r in runs] for phase in runs[0] if all(r[phase] > LIMIT_MS for r in runs)}
    assert slow == {}, f"the UI thread stalled longer than {LIMIT_MS} ms in every run: {slow}"
