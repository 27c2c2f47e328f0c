"""Whether a corpus cache's words are up to date, checked without reading any file.

A search's refresh stats every article file (one `scandir` pass) and compares (mtime, size,
inode, ctime) with what the cache holds: the ctime catches an edit that keeps the size and
sets the mtime back. The comparison is first made with the folder's stat as a refresh last
found it fully indexed (`words_stat` in `meta`, one value, written then and deleted by any
transaction that changes the files' rows), else with every file's row.
"""

from __future__ import annotations

import marshal  # (C, in the interpreter: no start-up cost)
import sqlite3

Stat = tuple[int, int, int, int]  # mtime_ns, size, inode, ctime_ns


def words_current(db: sqlite3.Connection, current: dict[str, Stat]) -> bool:
    """Tell whether every file's words are indexed as the folder now is: the same names with the
    same stat, each indexed or skipped. When the rows say so, the snapshot is written."""
    row = db.execute("SELECT value FROM meta WHERE key = 'words_stat'").fetchone()
    try:
        if row is not None and isinstance(row[0], bytes) and marshal.loads(row[0]) == current:
            return True
    except (EOFError, ValueError, TypeError):
        pass  # written by another Python: compared with the rows
    rows = db.execute("SELECT name, mtime, size, ino, ctime FROM files WHERE docid IS NOT NULL "
                      "OR skipped IS NOT NULL").fetchall()
    if len(rows) != len(current) or any(current.get(r[0]) != r[1:] for r in rows):
        return False
    if int(db.execute("SELECT count(*) FROM files").fetchone()[0]) != len(rows):
        return False
    try:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('words_stat', ?)", (marshal.dumps(current),))
    except sqlite3.OperationalError:
        pass  # busy (another process writes) or read-only: compared with the rows next time too
    return True


def forget(db: sqlite3.Connection) -> None:
    """Delete the snapshot (inside the caller's transaction, which changes the files' rows)."""
    db.execute("DELETE FROM meta WHERE key = 'words_stat'")
