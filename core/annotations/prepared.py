"""A sidecar rewrite made in two steps, shared by the store and its bulk path (`bulk.py`):
the new bytes are prepared under the sidecar's lock, then renamed into place once the sidecar
is known to hold still what was read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..files.atomic import read_regular
from .conflicts import MergeReport
from .sidecar import SidecarContent


class ArticleText(Protocol):
    """What a save needs of an article: its id, file and text as stored (a parsed `Article` has them)."""

    @property
    def id(self) -> str: ...

    @property
    def path(self) -> Path: ...

    @property
    def source_text(self) -> str: ...


class Changed(Exception):
    """The sidecar changed between reading it and renaming the new one into place."""


@dataclass
class Prepared:
    """A sidecar's new bytes, made under its lock from what it held (`seen`), not yet written."""

    path: Path
    seen: bytes | tuple[int, ...] | None
    content: SidecarContent
    data: bytes
    copies: list[tuple[Path, SidecarContent, MergeReport]]  # sync conflict copies merged in
    warnings: list[str]

    def unchanged(self) -> None:
        """Raise Changed if the sidecar no longer holds what was read (call right before the rename)."""
        if fingerprint(self.path) != self.seen:
            raise Changed


def fingerprint(path: Path) -> bytes | tuple[int, ...] | None:
    """What the sidecar holds now: its bytes (a regular file), or what it is instead, or None if absent."""
    try:
        return read_regular(path)
    except OSError as exc:
        return (exc.errno or -1,)
