"""Hit counts of a query from the index's word units, without reading the files (DESIGN §5).

Exact, by the one implementation of the rules in `matching.py`, applied to units instead
of whole texts. A query whose keys hold only letters and digits matches only letters,
digits, ignored marks, ZWNJ and spaces, and a hit starts only after a space, a ZWNJ or a
character that is none of these (`matching.find_phrase`). So:

- a hit that crosses no space lies inside one unit (`units.word_units`), and scanning
  the unit alone finds it; a unit's hits are computed once, by `matching.term_spans` on
  the unit's text, and multiplied by the unit's count in each article;
- a hit that crosses a space joins, across that space, a beginning of the key ending where
  a gap is allowed (`matching.gap_allowed`) to the key's next letter; the index holds each
  pair of words a space separates (`index_read.space_pairs`), so the articles where that
  can happen are found by an FTS5 prefix query, and they are counted on their file
  (`find_query` on the text, as before), as are whole queries whose keys hold punctuation.

Without a hit crossing a space, scanning the text finds exactly the hits of its units in
turn (no match of the regex can span two units that no hit spans), and merging spans of
several keys or terms only merges spans inside one unit.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.matching import Query, Span, Term, _merge, gap_allowed, term_keys, term_spans
from .index_read import SPACE_JOIN
from .postings import DOC_BITS, DOC_MASK
from .search_index import CorpusIndex

_TOP = "\U0010ffff"


@dataclass
class Counts:
    """Hits per article (docid, only articles with hits) and the articles counted on their file."""

    per_doc: dict[int, int] = field(default_factory=dict)
    verified: set[int] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.per_doc.values())


def _sources(query: Query) -> list[tuple[Term, ...]]:
    """Per term, the phrase alone and (outside quotes, as a fallback) its words."""
    out = []
    for term in query.terms:
        phrase = dataclasses.replace(term, parts=())  # its phrase alone: term_spans without the fallback
        out.append((phrase, *term.parts) if term.loose else (phrase,))
    return out


def countable(query: Query) -> bool:
    """Tell whether the index can count the query's hits (its keys hold only letters and digits)."""
    return bool(query) and all(key.isalnum() for group in _sources(query) for t in group for key in term_keys(t))


def _units(index: CorpusIndex, sql: str, args: Iterable[tuple[str, ...]]) -> set[int]:
    db = index.db
    return {u for a in args for (u,) in db.execute(sql, a)}


def count_hits(index: CorpusIndex, query: Query) -> Counts | None:
    """Hits of `query` per article of an up-to-date index; None when it is not `countable`."""
    if not countable(query):
        return None
    groups = _sources(query)
    sources = [t for group in groups for t in group]
    spans: list[dict[int, list[Span]]] = []
    texts: dict[int, str] = {}
    for term in sources:
        keys = term_keys(term)
        found = _units(index, "SELECT unit FROM unit_starts WHERE skel >= ? AND skel < ?",
                       [(k, k + _TOP) for k in keys])
        for u in found - texts.keys():
            texts[u] = index.db.execute("SELECT text FROM units WHERE id = ?", (u,)).fetchone()[0]
        spans.append({u: s for u in found if (s := term_spans(term, texts[u]))})
    counts = Counts(verified=_crossing(index, sources))
    if len(sources) == 1:  # one phrase: a sum, in SQLite
        for start in range(0, len(spans[0]), 400):
            chunk = list(spans[0].items())[start:start + 400]
            values = ",".join("(?,?)" for _ in chunk)
            sql = (f"WITH q(u, h) AS (VALUES {values}) SELECT p.key & {DOC_MASK}, sum(p.n * q.h) FROM q "
                   f"JOIN postings p ON p.key BETWEEN q.u << {DOC_BITS} AND (q.u << {DOC_BITS}) + {DOC_MASK} "
                   f"GROUP BY 1")
            args = [x for u, found in chunk for x in (u, len(found))]
            for doc, n in index.db.execute(sql, args):
                counts.per_doc[doc] = counts.per_doc.get(doc, 0) + n
        for doc in counts.verified:
            counts.per_doc.pop(doc, None)
        return counts
    units_of: dict[int, list[tuple[int, int]]] = defaultdict(list)  # doc -> (unit, n)
    for u in set().union(*spans):
        for key, n in _postings(index, u):
            units_of[key & DOC_MASK].append((u, n))
    merged: dict[tuple[int, tuple[int, ...]], int] = {}
    for doc, units in units_of.items():
        if doc in counts.verified:
            continue
        active = _active(groups, spans, units)
        if active is None:
            continue
        total = 0
        for u, n in units:
            known = merged.get((u, active))
            if known is None:
                known = merged[(u, active)] = len(_merge([s for i in active for s in spans[i].get(u, ())]))
            total += n * known
        if total:
            counts.per_doc[doc] = total
    return counts


def _active(groups: list[tuple[Term, ...]], spans: list[dict[int, list[Span]]],
            units: list[tuple[int, int]]) -> tuple[int, ...] | None:
    """Sources whose spans count in an article (as `matching.find_query` decides), None: no match."""
    present = {i for i, found in enumerate(spans) if any(u in found for u, _ in units)}
    active: list[int] = []
    first = 0
    for group in groups:
        if first in present:
            active.append(first)  # the phrase occurs
        elif len(group) > 1 and all(first + j in present for j in range(1, len(group))):
            active.extend(range(first + 1, first + len(group)))  # outside quotes: each word occurs
        else:
            return None
        first += len(group)
    return tuple(active)


def _crossing(index: CorpusIndex, sources: list[Term]) -> set[int]:
    """Articles where a hit may cross a space: a space joins a unit ending in a beginning of a key
    (from a place a hit may start) to the key's next letter (`index_read.space_pairs`)."""
    prefixes: set[str] = set()
    for term in sources:
        for key in term_keys(term):
            prefixes.update(key[:m] + SPACE_JOIN + key[m] for m in range(1, len(key)) if gap_allowed(key, term.gaps, m))
    if not prefixes:
        return set()
    match = " OR ".join(f'"{p}"*' for p in sorted(prefixes))  # keys are letters and digits: nothing to quote
    return {docid for (docid,) in index.db.execute("SELECT rowid FROM terms WHERE terms MATCH ?", (match,))}


def _postings(index: CorpusIndex, unit: int) -> list[tuple[int, int]]:
    low = unit << DOC_BITS
    return index.db.execute("SELECT key, n FROM postings WHERE key BETWEEN ? AND ?", (low, low | DOC_MASK)).fetchall()

