"""Each article's reading place and whether it was read, kept in the user data area (never in the
article folder, which may be shared or read-only): one small SQLite file for every folder.

A place is two file code points: the text at the top of the page and the focused sentence. Failing
to read or write this file only loses places, so every error is swallowed (and said once, by the
caller, if it wants).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from hashiye.core.files.paths import data_dir

SCHEMA = """CREATE TABLE IF NOT EXISTS place (
    folder TEXT NOT NULL, article TEXT NOT NULL, top INTEGER NOT NULL DEFAULT 0,
    focus INTEGER NOT NULL DEFAULT 0, read INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (folder, article))"""


def _folder(corpus: Path) -> str:
    try:
        return str(corpus.resolve())
    except OSError:
        return str(corpus)


class ReadingPlaces:
    """Places and read marks of the articles of every folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "places.sqlite3"
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=2)
                # Written at every article opened, on the UI thread: a write-ahead log without an
                # fsync per commit (a power cut may lose the last places, never the file).
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(SCHEMA)
                self._db = db
            except (OSError, sqlite3.Error):
                return None
        return self._db

    def save(self, corpus: Path, article: str, top: int, focus: int) -> None:
        """Where the reader is in this article (and so it has been read)."""
        self._write("INSERT INTO place (folder, article, top, focus, read) VALUES (?, ?, ?, ?, 1) "
                    "ON CONFLICT (folder, article) DO UPDATE SET top = excluded.top, focus = excluded.focus, "
                    "read = 1", (_folder(corpus), article, top, focus))

    def mark_read(self, corpus: Path, article: str) -> None:
        self._write("INSERT INTO place (folder, article, read) VALUES (?, ?, 1) "
                    "ON CONFLICT (folder, article) DO UPDATE SET read = 1", (_folder(corpus), article))

    def place(self, corpus: Path, article: str) -> tuple[int, int] | None:
        """(top, focus) last seen in this article, or None."""
        rows = self._read("SELECT top, focus FROM place WHERE folder = ? AND article = ? AND (top > 0 OR focus > 0)",
                          (_folder(corpus), article))
        return (int(rows[0][0]), int(rows[0][1])) if rows else None

    def read(self, corpus: Path) -> set[str]:
        """The articles of this folder that were opened."""
        return {str(r[0]) for r in self._read("SELECT article FROM place WHERE folder = ? AND read = 1",
                                              (_folder(corpus),))}

    def _write(self, sql: str, values: tuple[object, ...]) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            with db:
                db.execute(sql, values)
        except sqlite3.Error:
            pass

    def _read(self, sql: str, values: tuple[object, ...]) -> list[tuple[Any, ...]]:
        db = self._connect()
        if db is None:
            return []
        try:
            return list(db.execute(sql, values))
        except sqlite3.Error:
            return []

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
