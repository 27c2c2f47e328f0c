"""Hit counts of a query from the index's word units and pairs, without reading the files (DESIGN §5).

Exact, by the one implementation of the rules in `matching.py`, applied to units and pairs
of units instead of whole texts. A query whose keys hold only letters and digits matches
only letters, digits, ignored marks, ZWNJ and spaces, and a hit starts only after a space,
a ZWNJ or a character that is none of these (`matching.find_phrase`). So:

- a hit that crosses no space lies inside one unit (`units.units_and_pairs`), and scanning
  the unit alone finds it; a unit's hits are computed once, by `matching.term_spans` on the
  unit's text, and multiplied by the unit's count in each article;
- a hit that crosses one space lies inside a pair of units that only spaces separate; it
  starts in the first unit, from a place whose skeleton up to the unit's end is the key up
  to a place where a gap is allowed (`matching.gap_allowed`), and the second unit starts
  with the rest of the key. Such pairs (`_Pairs.candidates`) are scanned as their two units
  joined by one space (what the rules see of any run of spaces), and each occurrence of the
  pair counts the hits of that window instead of those of its two units alone;
- an article where two such pairs may share a unit (a chain, whose hits could depend on
  each other), or where a hit may cross two spaces (the middle unit is a whole piece of the
  key), is counted on its file (`Counts.verified`), as are whole queries whose keys hold
  punctuation (`countable`).

Hits of different units and windows cannot overlap, so merging spans of several keys or
terms (`matching._merge`) only merges spans inside one unit or window, and which terms
count in an article (a phrase, or outside quotes each of its words: `_active`) depends only
on which units and windows hold their hits.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.matching import Query, Span, Term, _merge, gap_allowed, term_keys, term_spans
from .postings import DOC_BITS, DOC_MASK, code
from .search_index import CorpusIndex

_TOP = "\U0010ffff"
_CHUNK = 300  # rows of a VALUES table in one statement

Pair = tuple[int, int]


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


class _Units:
    """Units looked up by skeleton (from any place a hit may start in them), and their texts."""

    def __init__(self, index: CorpusIndex) -> None:
        self.db = index.db
        self.texts: dict[int, str] = {}
        self._found: dict[tuple[str, bool], frozenset[int]] = {}

    def exact(self, skel: str) -> frozenset[int]:
        """Units with a start whose skeleton is `skel`."""
        return self._lookup(skel, False)

    def prefixed(self, skel: str) -> frozenset[int]:
        """Units with a start whose skeleton begins with `skel`."""
        return self._lookup(skel, True)

    def _lookup(self, skel: str, prefix: bool) -> frozenset[int]:
        found = self._found.get((skel, prefix))
        if found is None:
            sql = ("SELECT unit FROM unit_starts WHERE skel >= ? AND skel < ?" if prefix
                   else "SELECT unit FROM unit_starts WHERE skel = ?")
            found = frozenset(u for (u,) in self.db.execute(sql, (skel, skel + _TOP) if prefix else (skel,)))
            self._found[(skel, prefix)] = found
        return found

    def text(self, unit: int) -> str:
        text = self.texts.get(unit)
        if text is None:
            text = self.texts[unit] = self.db.execute("SELECT text FROM units WHERE id = ?", (unit,)).fetchone()[0]
        return text


_FEW = 8  # second units looked for with instr() in SQLite; more: every row of the first unit is read


def _pairs_between(units: _Units, firsts: Iterable[int], seconds: frozenset[int]) -> dict[Pair, list[tuple[int, int]]]:
    """(doc, n) of each pair of a unit of `firsts` followed by one of `seconds` (`postings.next`)."""
    out: dict[Pair, list[tuple[int, int]]] = defaultdict(list)
    if not seconds:
        return out
    codes = {b: code(b) for b in seconds}
    few = len(codes) <= _FEW
    where = " OR ".join("instr(next, ?)" for _ in codes) if few else "next IS NOT NULL"
    sql = f"SELECT key & {DOC_MASK}, next FROM postings WHERE key BETWEEN ? AND ? AND ({where})"
    for a in firsts:
        low = a << DOC_BITS
        for doc, following in units.db.execute(sql, (low, low | DOC_MASK, *(codes.values() if few else ()))):
            if few:
                for b, c in codes.items():
                    if (n := following.count(c)):
                        out[(a, b)].append((doc, n))
                continue
            for b in {int(b) for b in following[1:-1].split("><")} & seconds:
                out[(a, b)].append((doc, following.count(codes[b])))
    return out


def _docs(pairs: dict[Pair, list[tuple[int, int]]], *, first: int | None = None,
          second: int | None = None) -> set[int]:
    return {doc for (a, b), posts in pairs.items() if first in (None, a) and second in (None, b) for doc, _ in posts}


def _windows(units: _Units, sources: list[Term]) -> tuple[dict[Pair, list[tuple[int, int]]], set[int]]:
    """Pairs where a hit may cross the space, with their postings; and the articles to count on their
    file: where two such pairs may share a unit, or a hit may cross two spaces."""
    found: dict[Pair, list[tuple[int, int]]] = {}
    verify: set[int] = set()
    for term in sources:
        for key in term_keys(term):
            splits = [m for m in range(1, len(key)) if gap_allowed(key, term.gaps, m)]
            for m in splits:
                firsts = units.exact(key[:m])
                if not firsts:
                    continue
                found.update(_pairs_between(units, firsts, units.prefixed(key[m:])))
                for m2 in (s for s in splits if s > m):  # a whole unit in the middle: key[m:m2]
                    mids = units.exact(key[m:m2])
                    first = _pairs_between(units, firsts, mids) if mids else {}
                    if not first:
                        continue
                    nexts = units.prefixed(key[m2:]).union(*(units.exact(key[m2:m3]) for m3 in splits if m3 > m2))
                    then = _pairs_between(units, {b for _, b in first}, nexts)
                    for mid in {b for _, b in first}:
                        verify |= _docs(first, second=mid) & _docs(then, first=mid)
    for shared in {a for a, _ in found} & {b for _, b in found}:  # chains: ... a shared b ...
        verify |= _docs(found, second=shared) & _docs(found, first=shared)
    return found, verify


def count_hits(index: CorpusIndex, query: Query) -> Counts | None:
    """Hits of `query` per article of an up-to-date index; None when it is not `countable`."""
    if not countable(query):
        return None
    groups = _sources(query)
    sources = [t for group in groups for t in group]
    units = _Units(index)
    spans: list[dict[int, list[Span]]] = []  # per source: unit -> its spans in the unit alone
    for term in sources:
        found: set[int] = set()
        for key in term_keys(term):
            found |= units.prefixed(key)
        spans.append({u: s for u in found if (s := term_spans(term, units.text(u)))})
    pairs, verify = _windows(units, sources)
    windows = {}  # pair -> per source: its spans in the window (the two units joined by a space)
    for a, b in pairs:
        window = units.text(a) + " " + units.text(b)
        windows[(a, b)] = [term_spans(term, window) for term in sources]
    counts = Counts(verified=verify)
    all_units = sorted(set().union(*spans))
    if len(sources) == 1:
        weights = {u: len(found) for u, found in spans[0].items()}
        deltas = {p: len(w[0]) - weights.get(p[0], 0) - weights.get(p[1], 0) for p, w in windows.items()}
        counts.per_doc = _sums(index, weights, deltas, pairs, "sum(p.n * q.v)", add=True)
    else:
        masks = _sums(index, {u: _mask(spans, u) for u in all_units},
                      {p: sum(1 << i for i, w in enumerate(ws) if w) for p, ws in windows.items()}, pairs,
                      " | ".join(f"max(q.v & {1 << i})" for i in range(len(sources))), add=False)
        by_active: dict[tuple[int, ...], list[int]] = defaultdict(list)
        for doc, mask in masks.items():
            active = _active(groups, mask)
            if active is not None and doc not in verify:
                by_active[active].append(doc)
        for active, docs in by_active.items():
            weights = {u: _count(spans, active, u) for u in all_units}
            deltas = {p: len(_merge([s for i in active for s in ws[i]]))
                      - weights.get(p[0], 0) - weights.get(p[1], 0) for p, ws in windows.items()}
            totals = _sums(index, weights, deltas, pairs, "sum(p.n * q.v)", add=True)
            counts.per_doc.update((doc, totals[doc]) for doc in docs if totals.get(doc))
    for doc in verify:
        counts.per_doc.pop(doc, None)
    counts.per_doc = {doc: n for doc, n in counts.per_doc.items() if n}
    return counts


def _mask(spans: list[dict[int, list[Span]]], unit: int) -> int:
    return sum(1 << i for i, found in enumerate(spans) if unit in found)


def _count(spans: list[dict[int, list[Span]]], active: tuple[int, ...], unit: int) -> int:
    return len(_merge([s for i in active for s in spans[i].get(unit, ())]))


def _sums(index: CorpusIndex, units: dict[int, int], pairs: dict[Pair, int],
          postings: dict[Pair, list[tuple[int, int]]], agg: str, *, add: bool) -> dict[int, int]:
    """Per article, its postings of `units` and `pairs` (`postings`: (doc, n) of each pair), each with its
    value `q.v` (nonzero values only): `agg` in SQL per statement for units, the n-weighted sum
    (`add`) or the or of the values; the statements' results are added (`add`) or or-ed together."""
    out: dict[int, int] = {}
    unit_rows = [(u, v) for u, v in units.items() if v]
    for start in range(0, len(unit_rows), _CHUNK):
        chunk = unit_rows[start:start + _CHUNK]
        sql = (f"WITH q(u, v) AS (VALUES {','.join('(?,?)' for _ in chunk)}) SELECT p.key & {DOC_MASK}, {agg} "
               f"FROM q JOIN postings p ON p.key BETWEEN q.u << {DOC_BITS} AND (q.u << {DOC_BITS}) + {DOC_MASK} "
               f"GROUP BY 1")
        _combine(out, index.db.execute(sql, [x for row in chunk for x in row]), add)
    for pair, v in pairs.items():
        if v:
            _combine(out, ((doc, n * v if add else v) for doc, n in postings[pair]), add)
    return out


def _combine(out: dict[int, int], rows: Iterable[tuple[int, int]], add: bool) -> None:
    for doc, v in rows:
        old = out.get(doc)
        out[doc] = v if old is None else (old + v if add else old | v)


def _active(groups: list[tuple[Term, ...]], present: int) -> tuple[int, ...] | None:
    """Sources whose spans count in an article (as `matching.find_query` decides), None: no match.

    `present` has bit i set when source i has a hit in the article."""
    active: list[int] = []
    first = 0
    for group in groups:
        if present >> first & 1:
            active.append(first)  # the phrase occurs
        elif len(group) > 1 and all(present >> (first + j) & 1 for j in range(1, len(group))):
            active.extend(range(first + 1, first + len(group)))  # outside quotes: each word occurs
        else:
            return None
        first += len(group)
    return tuple(active)
