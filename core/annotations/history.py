"""Earlier versions of each sidecar, kept in the user data folder before every rewrite.

`<data dir>/history/<corpus name>-<hash of its path>/<article id>/<UTC time>-<random>.json`,
each the sidecar's bytes exactly as they were. Per article at most `max_versions` files and
`max_bytes` bytes are kept (the newest always), the oldest dropped first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from .model import Annotation, newer
from ..files.atomic import write_atomic
from ..files.paths import data_dir
from .sidecar import CorruptSidecar, SidecarContent, parse_sidecar

MAX_VERSIONS = 50
MAX_BYTES = 20 * 1024 * 1024
_NAME = re.compile(r"^(\d{8}T\d{6}\d{3}Z)-[0-9a-f]{6}\.json$")


@dataclass(frozen=True)
class Version:
    """One kept version: `name` is its stable handle, `index` 1 for the newest."""

    name: str
    index: int
    path: Path
    saved: dt.datetime
    size: int


class History:
    """The earlier versions of one corpus's sidecars."""

    def __init__(self, corpus: Path, root: Path | None = None, max_versions: int = MAX_VERSIONS,
                 max_bytes: int = MAX_BYTES) -> None:
        resolved = str(Path(corpus).resolve())
        key = hashlib.sha1(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:12]
        self.root = (root or data_dir() / "history") / f"{_safe(Path(resolved).name)}-{key}"
        self.max_versions = max_versions
        self.max_bytes = max_bytes

    def folder(self, article_id: str) -> Path:
        return self.root / _safe(article_id)

    def keep(self, article_id: str, data: bytes) -> str | None:
        """Keep `data` as the newest version unless it is the newest already; raise OSError."""
        if not data:
            return None
        current = self.versions(article_id)
        if current and current[0].size == len(data) and current[0].path.read_bytes() == data:
            return None
        folder = self.folder(article_id)
        folder.mkdir(parents=True, exist_ok=True)
        now = dt.datetime.now(dt.UTC)
        name = f"{now:%Y%m%dT%H%M%S}{now.microsecond // 1000:03d}Z-{secrets.token_hex(3)}.json"
        # No fsync: a power cut may take this copy, never the sidecar; a save stays within its budget.
        write_atomic(folder / name, data, durable=False)
        self._prune(article_id, [(name, len(data))] + [(v.name, v.size) for v in current])
        return name

    def versions(self, article_id: str) -> list[Version]:
        """Kept versions of an article, newest first."""
        folder = self.folder(article_id)
        found = []
        try:
            entries = list(folder.iterdir())
        except OSError:
            return []
        for path in entries:
            m = _NAME.match(path.name)
            if not m:
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            saved = dt.datetime.strptime(m.group(1)[:-4], "%Y%m%dT%H%M%S").replace(
                microsecond=int(m.group(1)[-4:-1]) * 1000, tzinfo=dt.UTC)
            found.append((path.name, path, saved, size))
        found.sort(reverse=True)
        return [Version(n, i, p, s, z) for i, (n, p, s, z) in enumerate(found, 1)]

    def find(self, article_id: str, version: str) -> Version:
        """A version by its name (or a unique start of it) or its index (1 = newest); KeyError if none."""
        kept = self.versions(article_id)
        if not version:
            raise KeyError(version)  # "" would start every name
        if version.isdecimal() and len(version) < 8:  # not isdigit: "²" is a digit int() refuses
            n = int(version)
            if 1 <= n <= len(kept):
                return kept[n - 1]
            raise KeyError(version)
        hits = [v for v in kept if v.name == version or v.name.startswith(version)]
        if len(hits) != 1:
            raise KeyError(version)
        return hits[0]

    def read(self, article_id: str, version: Version) -> SidecarContent:
        """The content of a kept version; CorruptSidecar if it does not parse."""
        raw = version.path.read_bytes().decode("utf-8-sig", "replace")
        return parse_sidecar(raw, article_id, version.name)

    def ancestors(self, article_id: str, pairs: dict[str, tuple[Annotation, Annotation]]) -> dict[str, Annotation]:
        """For each id, the newest kept form not newer than either side: their common ancestor."""
        found: dict[str, Annotation] = {}
        for version in self.versions(article_id):
            if len(found) == len(pairs):
                break
            try:
                content = self.read(article_id, version)
            except (OSError, CorruptSidecar, RecursionError):  # a damaged old version only loses its help
                continue
            for ann in content.annotations:
                pair = pairs.get(ann.id)
                if pair and ann.id not in found and not newer(ann, pair[0]) and not newer(ann, pair[1]):
                    found[ann.id] = ann
        return found

    def _prune(self, article_id: str, kept: list[tuple[str, int]]) -> None:
        """Drop the oldest of `kept` (name and size, newest first) beyond the count or size bound."""
        folder = self.folder(article_id)
        total = 0
        for index, (name, size) in enumerate(kept, 1):
            total += size
            if index > 1 and (index > self.max_versions or total > self.max_bytes):
                (folder / name).unlink(missing_ok=True)


def _safe(name: str) -> str:
    """A file name made from `name` that cannot climb out of its folder."""
    cleaned = name.replace("/", "_").replace("\\", "_").lstrip(".")
    return cleaned or "_"
