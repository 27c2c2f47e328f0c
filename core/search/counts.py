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
  with the rest of the key. Such pairs (`_windows`) are scanned as their two units
  joined by one space (what the rules see of any run of spaces), and each occurrence of the
  pair counts the hits of that window instead of those of its two units alone;
- an article where two such pairs may share a unit (a chain, whose hits could depend on
  each other), or where a hit may cross two spaces (the middle unit is a whole piece of the
  key), is counted on its file (`Counts.verified`), as are whole queries whose keys hold
  punctuation (`countable`).

Hits of different units and windows cannot overlap, so merging spans of several keys or
terms (`matching._merge`) only merges spans inside one unit or window, and which terms
count in an article (the phrase if it occurs, else outside quotes each of its words, as
`matching.term_spans` decides) depends only on which units and windows hold their hits.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.matching import Query, Span, Term, _merge, gap_allowed, term_keys, term_spans
from .postings import DOC_BITS, DOC_MASK, code
from .search_index import CorpusIndex

_TOP = "\U0010ffff"

Pair = tuple[int, int]
# Values read from JSON once, not at each row they are joined to (older SQLite: correct, slower).
_MATERIALIZED = "MATERIALIZED " if sqlite3.sqlite_version_info >= (3, 35) else ""
_UPSERT = sqlite3.sqlite_version_info >= (3, 24)  # INSERT ... ON CONFLICT DO UPDATE (`_phrase_first`)


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


_FEW = 8  # second units looked for one by one in SQLite; more: every row of the first unit is read


def _pairs_between(units: _Units, firsts: Iterable[int], seconds: frozenset[int]) -> set[Pair]:
    """The pairs (in some article) of a unit of `firsts` followed by one of `seconds` (`postings`: `nexts`)."""
    out: set[Pair] = set()
    if not seconds:
        return out
    db = units.db
    for a in firsts:
        low = a << DOC_BITS
        if len(seconds) <= _FEW:
            out.update((a, b) for b in seconds if db.execute(
                "SELECT 1 FROM nexts WHERE key BETWEEN ? AND ? AND instr(next, ?) LIMIT 1",
                (low, low | DOC_MASK, code(b))).fetchone())
            continue
        found: set[str] = set()
        for (following,) in db.execute("SELECT next FROM nexts WHERE key BETWEEN ? AND ?",
                                       (low, low | DOC_MASK)):
            found.update(following[1:-1].split("><"))
        wanted = {code(b)[1:-1]: b for b in seconds}
        out.update((a, wanted[c]) for c in found & wanted.keys())
    return out


def _docs(units: _Units, pairs: Iterable[Pair]) -> set[int]:
    """Articles holding any of `pairs`."""
    return {doc for a, b in pairs for (doc,) in units.db.execute(
        f"SELECT key & {DOC_MASK} FROM nexts WHERE key BETWEEN ? AND ? AND instr(next, ?)",
        (a << DOC_BITS, a << DOC_BITS | DOC_MASK, code(b)))}


def _windows(units: _Units, sources: list[Term]) -> tuple[set[Pair], set[int]]:
    """Pairs where a hit may cross the space; and the articles to count on their file: where two such
    pairs may share a unit, or a hit may cross two spaces."""
    found: set[Pair] = set()
    verify: set[int] = set()
    for term in sources:
        for key in term_keys(term):
            splits = [m for m in range(1, len(key)) if gap_allowed(key, term.gaps, m)]
            for m in splits:
                firsts = units.exact(key[:m])
                if not firsts:
                    continue
                found |= _pairs_between(units, firsts, units.prefixed(key[m:]))
                for m2 in (s for s in splits if s > m):  # a whole unit in the middle: key[m:m2]
                    first = _pairs_between(units, firsts, units.exact(key[m:m2]))
                    if not first:
                        continue
                    nexts = units.prefixed(key[m2:]).union(*(units.exact(key[m2:m3]) for m3 in splits if m3 > m2))
                    for mid in {b for _, b in first}:
                        then = _pairs_between(units, (mid,), nexts)
                        if then:
                            verify |= _docs(units, (p for p in first if p[1] == mid)) & _docs(units, then)
    for shared in {a for a, _ in found} & {b for _, b in found}:  # chains: ... a shared b ...
        verify |= _docs(units, (p for p in found if p[1] == shared)) & _docs(units, (p for p in found if p[0] == shared))
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
    for a, b in sorted(pairs):
        window = units.text(a) + " " + units.text(b)
        windows[(a, b)] = [term_spans(term, window) for term in sources]
    # What counts in an article: per group its phrase if it occurs, else (outside quotes) its words
    # if each occurs (`matching.term_spans`); `choices` are the combinations, `valid` and `chosen`
    # tell in SQL from the article's mask of the sources with hits.
    choices: list[tuple[tuple[int, ...], list[str]]] = [((), [])]
    valid = []
    first = 0
    for group in groups:
        phrase = f"(mask & {1 << first}) != 0"
        options: list[tuple[tuple[int, ...], list[str]]] = [((first,), [phrase])]
        if len(group) > 1:
            words = sum(1 << (first + j) for j in range(1, len(group)))
            options.append((tuple(range(first + 1, first + len(group))), [f"(mask & {1 << first}) = 0"]))
            phrase = f"({phrase} OR (mask & {words}) = {words})"
        valid.append(phrase)
        choices = [(a + o, ca + co) for a, ca in choices for o, co in options]
        first += len(group)
    actives = [a for a, _ in choices]
    unit_values: list[tuple[int | str, ...]] = []
    for u in set().union(*spans):
        weights = [_count(spans, active, u) for active in actives]
        unit_values.append((u, sum(1 << i for i, found in enumerate(spans) if u in found), *weights))
    pair_values: list[tuple[int | str, ...]] = []
    for (a, b), ws in windows.items():
        mask = sum(1 << i for i, w in enumerate(ws) if w)
        deltas = [len(_merge([s for i in active for s in ws[i]])) - _count(spans, active, a) - _count(spans, active, b)
                  for active in actives]
        if mask or any(deltas):
            pair_values.append((a, code(b), mask, *deltas))
    if len(groups) == 1 and _UPSERT:  # actives: (the phrase,), and outside quotes (its words)
        totals = _phrase_first(index, len(sources), unit_values, pair_values)
    else:
        chosen = "CASE " + " ".join(f"WHEN {' AND '.join(c) or 1} THEN t{i}" for i, (_, c) in enumerate(choices)) + " END"
        totals = _totals(index, len(sources), len(actives), unit_values, pair_values, " AND ".join(valid), chosen)
    if not verify:
        return Counts(dict(totals))
    return Counts({doc: n for doc, n in totals if doc not in verify}, verify)


def _count(spans: list[dict[int, list[Span]]], active: tuple[int, ...], unit: int) -> int:
    return len(_merge([s for i in active for s in spans[i].get(unit, ())]))


def _totals(index: CorpusIndex, sources: int, sums: int, units: list[tuple[int | str, ...]],
            pairs: list[tuple[int | str, ...]], valid: str, chosen: str) -> list[tuple[int, int]]:
    """(doc, hits) of the articles where `valid` holds and `chosen` is not 0, in one statement.

    Per article, `mask` is the or of the masks (which of the `sources` have hits there) of the
    units (rows `(unit, mask, *values)`) and pairs (`(first, code(second), mask, *values)`) it
    holds, and `t0`... are the `sums` values added up, each times how often the article holds
    the unit or pair."""
    names = [f"w{i}" for i in range(sums)]
    def columns(n: int) -> str:
        return ", ".join(f"json_extract(value, '$[{i}]')" for i in range(n))

    parts, ctes, args = [], [], []
    if units:
        ctes.append(f"q(u, m, {', '.join(names)}) AS {_MATERIALIZED}(SELECT {columns(sums + 2)} FROM json_each(?))")
        parts.append(f"SELECT p.key & {DOC_MASK} AS doc, p.n AS n, q.m AS m, {', '.join(f'q.{w} AS {w}' for w in names)} "
                     f"FROM q JOIN postings p ON p.key BETWEEN q.u << {DOC_BITS} AND (q.u << {DOC_BITS}) + {DOC_MASK}")
        args.append(json.dumps(units))
    if pairs:
        ctes.append(f"r(a, pat, m, {', '.join(names)}) AS {_MATERIALIZED}(SELECT {columns(sums + 3)} FROM json_each(?))")
        parts.append(f"SELECT p.key & {DOC_MASK} AS doc, (length(p.next) - length(replace(p.next, r.pat, ''))) "
                     f"/ length(r.pat) AS n, r.m AS m, {', '.join(f'r.{w} AS {w}' for w in names)} FROM r JOIN nexts p "
                     f"ON p.key BETWEEN r.a << {DOC_BITS} AND (r.a << {DOC_BITS}) + {DOC_MASK} WHERE instr(p.next, r.pat)")
        args.append(json.dumps(pairs, ensure_ascii=False))
    if not parts:
        return []
    mask = " | ".join(f"max(m & {1 << i})" for i in range(sources))
    sql = (f"WITH {', '.join(ctes)}, per AS (SELECT doc, {mask} AS mask, "
           f"{', '.join(f'sum(n * {w}) AS t{i}' for i, w in enumerate(names))} "
           f"FROM ({' UNION ALL '.join(parts)}) GROUP BY doc) "
           f"SELECT doc, {chosen} AS hits FROM per WHERE {valid} AND hits != 0")
    return index.db.execute(sql, args).fetchall()


def _rows(units: str, pairs: str, where: str = "") -> str:
    """The rows `(doc, n, m, w)` of the units (`units`: `(u, m, w)`) and pairs (`pairs`: `(a, pat, m, w)`)
    in the articles, n times: how often the article holds the unit or pair; `where` on `p.key` filters."""
    cond = f"{where} AND " if where else ""
    return (f"SELECT p.key & {DOC_MASK} AS doc, p.n AS n, {units}.m AS m, {units}.w AS w FROM {units} "
            f"JOIN postings p ON p.key BETWEEN {units}.u << {DOC_BITS} AND ({units}.u << {DOC_BITS}) + {DOC_MASK}"
            f"{' WHERE ' + where if where else ''} UNION ALL "
            f"SELECT p.key & {DOC_MASK} AS doc, (length(p.next) - length(replace(p.next, {pairs}.pat, ''))) "
            f"/ length({pairs}.pat) AS n, {pairs}.m AS m, {pairs}.w AS w FROM {pairs} JOIN nexts p "
            f"ON p.key BETWEEN {pairs}.a << {DOC_BITS} AND ({pairs}.a << {DOC_BITS}) + {DOC_MASK} "
            f"WHERE {cond}instr(p.next, {pairs}.pat)")


def _phrase_first(index: CorpusIndex, sources: int, units: list[tuple[int | str, ...]],
                  pairs: list[tuple[int | str, ...]]) -> list[tuple[int, int]]:
    """`_totals` of one term (source 0 its phrase, then outside quotes its words; values `t0` for the
    phrase, `t1` for the words), summing the phrase first.

    An article holds the phrase where a row has bit 0 in its mask; it then counts `t0`, which only
    rows with bit 0 or a `t0` value add to (step 1: summed into a temporary table, no sort). The
    words count only in the other articles, which hold no row with bit 0: their mask and `t1` come
    from the rows without bit 0 that have a word's bit or a `t1` value (step 2: grouped by article,
    only for articles without the phrase; none for a quoted phrase or a single word). Both steps read
    one snapshot (one transaction)."""
    words = (1 << sources) - 2
    phrase_units = [(u, m, w0) for u, m, w0, *_ in units if int(m) & 1 or w0]
    phrase_pairs = [(a, pat, m, w0) for a, pat, m, w0, *_ in pairs if int(m) & 1 or w0]
    word_units = [(u, m, w1) for u, m, _, w1 in units if not int(m) & 1 and (int(m) & words or w1)] if words else []
    word_pairs = [(a, pat, m, w1) for a, pat, m, _, w1 in pairs
                  if not int(m) & 1 and (int(m) & words or w1)] if words else []
    args = [json.dumps(phrase_units), json.dumps(phrase_pairs, ensure_ascii=False),
            json.dumps(word_units), json.dumps(word_pairs, ensure_ascii=False)]
    ctes = ", ".join(f"q{s}(u, m, w) AS {_MATERIALIZED}(SELECT {_columns(3)} FROM json_each(?)), "
                     f"r{s}(a, pat, m, w) AS {_MATERIALIZED}(SELECT {_columns(4)} FROM json_each(?))" for s in (0, 1))
    mask = " | ".join(f"max(m & {1 << i})" for i in range(1, sources))
    outside = f"p.key & {DOC_MASK} NOT IN (SELECT doc FROM temp.phrase_hits)"  # the table's key: no list built
    db = index.db
    own = not db.in_transaction
    if own:
        db.execute("BEGIN")
    try:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS phrase_hits (doc INTEGER PRIMARY KEY, has INTEGER, t0 INTEGER)")
        db.execute("DELETE FROM temp.phrase_hits")
        db.execute(f"WITH {ctes} INSERT INTO temp.phrase_hits SELECT doc, m & 1, n * w FROM ({_rows('q0', 'r0')}) "
                   "WHERE 1 ON CONFLICT (doc) DO UPDATE SET has = has | excluded.has, t0 = t0 + excluded.t0", args)
        db.execute("DELETE FROM temp.phrase_hits WHERE NOT has")  # t0 values only: no phrase there
        sql = "SELECT doc, t0 FROM temp.phrase_hits WHERE t0 != 0"
        if words:
            sql = (f"WITH {ctes}, per AS (SELECT doc, {mask} AS mask, sum(n * w) AS t1 "
                   f"FROM ({_rows('q1', 'r1', outside)}) GROUP BY doc) {sql} "
                   f"UNION ALL SELECT doc, t1 FROM per WHERE mask = {words} AND t1 != 0")
        totals = db.execute(sql, args if words else ()).fetchall()
        db.execute("DELETE FROM temp.phrase_hits")
    except BaseException:
        if own:
            db.execute("ROLLBACK")
        raise
    if own:
        db.execute("COMMIT")
    return totals


def _columns(n: int) -> str:
    return ", ".join(f"json_extract(value, '$[{i}]')" for i in range(n))
