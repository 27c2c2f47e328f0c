"""Values derived from the files of a corpus folder, kept in the user cache folder while each
file is unchanged (same size, modification and change times), for analyses that read every
file (agreement's sentence spans and coded spans). A cache that cannot be read or written is
simply not used: the values are computed again."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..files.atomic import write_atomic
from ..files.paths import cache_dir
from ..files.safe_read import UnsafeFile, read_json_bytes

Signature = list[int]


def signature_of(st: os.stat_result) -> Signature:
    """What changes whenever a file is rewritten or replaced."""
    return [st.st_mtime_ns, st.st_size, st.st_ctime_ns]


class FileCache:
    """Derived values by file name, each valid for one signature of its file."""

    def __init__(self, kind: str, corpus: Path, version: int = 1) -> None:
        key = hashlib.sha1(str(Path(corpus).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.path = cache_dir() / kind / f"{key}.json"
        self.version = version
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        try:
            doc = json.loads(read_json_bytes(self.path, 512 * 1024 * 1024))
            if isinstance(doc, dict) and doc.get("version") == version and isinstance(doc.get("files"), dict):
                self._old = doc["files"]
        except (OSError, UnsafeFile, ValueError, RecursionError):
            pass

    def get(self, name: str, sig: Signature) -> Any:
        """The value kept for `name` at this signature (kept for the next save), or None."""
        hit = self._old.get(name)
        if isinstance(hit, list) and len(hit) == 2 and hit[0] == sig:
            self._new[name] = hit
            return hit[1]
        return None

    def put(self, name: str, sig: Signature, value: Any) -> None:
        self._new[name] = [sig, value]

    def save(self) -> None:
        """Write the values got or put since opening (files gone are dropped), if anything changed."""
        if self._new == self._old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"version": self.version, "files": self._new}, ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
            write_atomic(self.path, data, durable=False)
        except OSError:
            pass  # not written: the next run computes again
