"""Unsaved notes kept in the user data area while they are typed, offered again after a crash or restart.

One small JSON file per note being edited: the folder, the article, the annotation and the text.
It is written (atomically) a moment after each keystroke and removed when the note is saved or
the editing is cancelled. A save that fails keeps it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from hashiye.core.files.atomic import write_atomic
from hashiye.core.files.paths import data_dir


@dataclass(frozen=True)
class Draft:
    corpus: str
    article_id: str
    annotation_id: str
    text: str
    start: int = -1  # a highlight not yet saved (n on a plain sentence): its span, file code points
    end: int = -1


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def _path(corpus: Path, article_id: str, annotation_id: str) -> Path:
    key = hashlib.sha1(f"{corpus}\0{article_id}\0{annotation_id}".encode("utf-8", "surrogatepass")).hexdigest()
    return drafts_dir() / f"{key[:20]}.json"


def save_draft(draft: Draft) -> Path:
    """Write the draft; raises OSError (the caller tells the user)."""
    path = _path(Path(draft.corpus), draft.article_id, draft.annotation_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path.parent, 0o700)  # notes being typed are private, whatever the umask
    except OSError:
        pass
    write_atomic(path, json.dumps(asdict(draft), ensure_ascii=False).encode("utf-8"))
    return path


def drop_draft(corpus: Path, article_id: str, annotation_id: str) -> None:
    try:
        _path(corpus, article_id, annotation_id).unlink(missing_ok=True)
    except OSError:
        pass


def drafts_for(corpus: Path) -> list[Draft]:
    """Drafts left for this folder (unreadable draft files are left alone)."""
    found = []
    try:
        paths = sorted(drafts_dir().glob("*.json"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return []
    for path in paths:
        try:
            data = json.loads(path.read_text("utf-8"))
            draft = Draft(str(data["corpus"]), str(data["article_id"]), str(data["annotation_id"]), str(data["text"]),
                          int(data.get("start", -1)), int(data.get("end", -1)))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if draft.corpus == str(corpus):
            found.append(draft)
    return found
