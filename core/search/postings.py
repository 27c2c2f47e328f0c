"""Word units and their counts per article in the corpus cache, for hit counts without the files.

A unit is a word as written in the file (`units.word_units`: split at spaces, line
breaks and punctuation, ZWNJ, marks and letter variants kept), stored once in `units`.
`unit_starts` holds, for each unit, the skeleton from each place a hit may start in it
(`units.unit_starts`), so the units a query can match are found by a range lookup.
`postings` holds how often each unit occurs in each article: key `unit << 32 | docid`,
so one unit's articles are one range of the primary key. `nexts`, under the same key,
lists the units that follow the unit in the article with only spaces between
(`units.units_and_pairs`), each written `code(unit)` as often as the pair occurs: a hit
that crosses a space is counted there (`counts.py`). Kept apart from `postings` so that
summing a unit's counts reads only small rows. `doc_units` lists an article's units, so its postings are removed
when the file changes or goes.
"""

from __future__ import annotations

import sqlite3
from array import array


SCHEMA = """
CREATE TABLE IF NOT EXISTS units (id INTEGER PRIMARY KEY, text TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS unit_starts (skel TEXT, unit INTEGER, PRIMARY KEY (skel, unit)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS postings (key INTEGER PRIMARY KEY, n INTEGER);
CREATE TABLE IF NOT EXISTS nexts (key INTEGER PRIMARY KEY, next TEXT);
CREATE TABLE IF NOT EXISTS doc_units (doc INTEGER PRIMARY KEY, units BLOB);
"""

DOC_BITS = 32
DOC_MASK = (1 << DOC_BITS) - 1
VOCAB_LOAD_FROM = 2000  # new units in one batch from which the whole vocabulary is read at once


class Vocabulary:
    """Unit ids of one connection, looked up as a batch is stored (one per refresh)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.ids: dict[str, int] = {}
        self.codes: dict[str, str] = {}  # `code` of units by text, as pairs are stored
        self.loaded = False
        self.next_id = 0

    def ids_of(self, texts: set[str]) -> dict[str, int]:
        """Ids of `texts`, adding the units that are new (inside the caller's transaction)."""
        db = self.db
        missing = [t for t in texts if t not in self.ids]
        if missing and not self.loaded and (len(missing) >= VOCAB_LOAD_FROM or self._small()):
            self.ids.update(db.execute("SELECT text, id FROM units"))
            self.loaded = True
            missing = [t for t in missing if t not in self.ids]
        if missing and not self.loaded:
            for t in missing:
                row = db.execute("SELECT id FROM units WHERE text = ?", (t,)).fetchone()
                if row is not None:
                    self.ids[t] = row[0]
            missing = [t for t in missing if t not in self.ids]
        if missing:
            from ..text.units import unit_starts  # only when words are indexed (not at the window's start)

            if not self.next_id:
                self.next_id = (db.execute("SELECT max(id) FROM units").fetchone()[0] or 0) + 1
            new = {t: self.next_id + i for i, t in enumerate(missing)}
            self.next_id += len(missing)
            db.executemany("INSERT INTO units VALUES (?, ?)", [(i, t) for t, i in new.items()])
            db.executemany("INSERT OR IGNORE INTO unit_starts VALUES (?, ?)",
                           [(k, i) for t, i in new.items() for k in unit_starts(t)])
            self.ids.update(new)
        return {t: self.ids[t] for t in texts}

    def _small(self) -> bool:
        """Tell whether the vocabulary is small enough to read whole (a first build starts empty)."""
        return int(self.db.execute("SELECT count(*) FROM (SELECT 1 FROM units LIMIT ?)",
                                   (VOCAB_LOAD_FROM,)).fetchone()[0]) < VOCAB_LOAD_FROM

    def forget(self) -> None:
        self.ids.clear()
        self.codes.clear()
        self.loaded = False
        self.next_id = 0


Pairs = dict[tuple[str, str], int]


_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def code(unit: int) -> str:
    """How a unit is written in `nexts.next`: its id in base 62 between < and > (no two codes overlap)."""
    digits = []
    while True:
        unit, d = divmod(unit, 62)
        digits.append(_DIGITS[d])
        if not unit:
            return "<" + "".join(reversed(digits)) + ">"


def store(db: sqlite3.Connection, vocab: Vocabulary, docs: list[tuple[int, dict[str, int], Pairs]]) -> None:
    """Store articles' unit and pair counts, each under its docid (inside the caller's transaction).

    The postings of a batch are inserted in key order (fewer pages touched than article by article).
    """
    ids = vocab.ids_of({t for _, units, _ in docs for t in units})
    codes = vocab.codes
    rows: list[tuple[int, int]] = []
    following: list[tuple[int, str]] = []
    for docid, units, pairs in docs:
        nexts: dict[str, list[str]] = {}
        for (a, b), n in pairs.items():
            c = codes.get(b) or codes.setdefault(b, code(ids[b]))
            nexts.setdefault(a, []).append(c if n == 1 else c * n)
        rows.extend((ids[t] << DOC_BITS | docid, n) for t, n in units.items())
        following.extend((ids[t] << DOC_BITS | docid, "".join(codes)) for t, codes in nexts.items())
    rows.sort()
    following.sort()
    db.executemany("INSERT INTO postings VALUES (?, ?)", rows)
    db.executemany("INSERT INTO nexts VALUES (?, ?)", following)
    db.executemany("INSERT INTO doc_units VALUES (?, ?)",
                   [(docid, array("I", sorted(ids[t] for t in units)).tobytes()) for docid, units, _ in docs])


def drop(db: sqlite3.Connection, docids: list[int]) -> None:
    """Remove the postings of articles (inside the caller's transaction)."""
    for docid in docids:
        row = db.execute("SELECT units FROM doc_units WHERE doc = ?", (docid,)).fetchone()
        if row is None:
            continue
        ids = array("I")
        ids.frombytes(row[0])
        keys = [(u << DOC_BITS | docid,) for u in ids]
        db.executemany("DELETE FROM postings WHERE key = ?", keys)
        db.executemany("DELETE FROM nexts WHERE key = ?", keys)
        db.execute("DELETE FROM doc_units WHERE doc = ?", (docid,))


def clear(db: sqlite3.Connection, vocab: Vocabulary) -> None:
    """Remove every posting and unit (compaction rebuilds them from the files)."""
    for table in ("postings", "nexts", "doc_units", "unit_starts", "units"):
        db.execute(f"DELETE FROM {table}")
    vocab.forget()
