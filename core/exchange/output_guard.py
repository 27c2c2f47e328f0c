"""Where an export may not go: onto the corpus it reads (its articles, their sidecars, files kept aside)."""

from __future__ import annotations

import os
from pathlib import Path

from ..annotations.sidecar import SUFFIX
from ..text.textio import is_article_path


class ProtectedPath(OSError):
    """The chosen output is part of the corpus; nothing was written."""


def refuse_corpus_target(corpus: Path, target: Path) -> None:
    """Raise ProtectedPath if writing `target` could replace an article or annotations.

    Refused: any `*.annotations.json` (a sidecar of any corpus) or other `*.annotations.*.json`
    (a file kept aside), an article name in the corpus folder, and any existing file that is
    the same file as an article or sidecar of the corpus (through a link or another spelling).
    """
    name = target.name
    if name.endswith(SUFFIX) or (".annotations." in name and name.endswith(".json")):
        raise ProtectedPath(f"{target} is an annotation file; exports never overwrite annotations — "
                            f"choose another name")
    try:
        in_corpus = target.resolve().parent == Path(corpus).resolve()
    except OSError:
        in_corpus = False
    if in_corpus and is_article_path(target):
        raise ProtectedPath(f"{target} is an article of the corpus; Hashiye never changes an article file — "
                            f"choose another name")
    try:
        st = os.stat(target)
    except OSError:
        return
    for entry in _corpus_files(corpus):
        try:
            same = os.path.samestat(st, os.stat(entry))
        except OSError:
            continue
        if same:
            raise ProtectedPath(f"{target} is the same file as {entry.name} in the corpus; "
                                f"exports never overwrite articles or annotations — choose another name")


def _corpus_files(corpus: Path) -> list[Path]:
    try:
        entries = list(Path(corpus).iterdir())
    except OSError:
        return []
    return [p for p in entries if is_article_path(p) or p.name.endswith(".json") and ".annotations" in p.name]
