"""Persian-aware matching (DESIGN §5): one implementation for find, filter and search.

A word or phrase matches where its letters occur in the text once both are reduced to
their matching form (`normalize.match_key`) without word gaps, so «محرومیت‌زدایی»,
«محرومیت زدایی» and «محرومیتزدایی» are one word; ي/ی, ك/ک, ة/ه, the three digit
sets, diacritics and tatweel do not matter. A hit starts at the beginning of a word
and ends at a word end, before a ZWNJ, or after a Persian suffix (plural, ezafe,
possessive, comparative: «خانواده‌های», «مشارکتهای»); it covers the whole word as
written, affixes included. Hits never cross a line break or punctuation the query
does not have.

Queries: a quoted phrase («…», "…", “…”) must occur as written (any spelling or
spacing). Words outside quotes match where they stand together as one phrase or
compound; an article without that phrase still matches when each word occurs in it.
A query word written with a plural or ezafe ending («خانواده‌ها», «کتابهای») also finds
its stem («خانواده», «کتاب»): suffix rules are written here rather than taken from
hazm's Stemmer, which strips too much («ایران» → «ایر», «تنها» → «تن») and costs a
second to import.

The text is scanned with a regular expression built from the query, so `find_in_text`
runs at C speed on a whole article and needs no index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import (
    ZWNJ,
    match_gap_chars,
    match_ignored_chars,
    match_key,
    match_variants,
    skeleton,
)

Span = tuple[int, int]

SUFFIXES = frozenset({
    "", "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست",
    "ان", "ات", "ی", "ای", "یی", "ام", "اش", "مان", "تان", "شان", "ست", "است",
    "تر", "ترین", "تری", "ترها", "گان", "یان", "ه", "هی", "ین", "ون",
})
# Endings stripped from a query word to find its stem as well (see the module docstring).
_PLURAL_ENDINGS = ("هایشان", "هایتان", "هایمان", "هایش", "هایم", "هایت", "هایی", "های", "ها")
_SEPARATE_ENDINGS = frozenset(_PLURAL_ENDINGS) | {"ای", "ی", "تر", "ترین"}
_MIN_STEM = 3  # letters left after stripping a joined ending («تنها» keeps its «ها»)

_QUOTED = re.compile(r"[\"«“]([^\"»”]*)[\"»”]")
_WORD = re.compile(r"[^\W_]+")
_RUN = re.compile(r"[^\W_]+(?: +[^\W_]+)*")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class Term:
    """One part of a query: a quoted phrase, or the words outside quotes (`loose`)."""

    text: str
    quoted: bool
    runs: tuple[tuple[str, ...], ...]  # matching-form words, grouped where only gaps separate them
    key: str  # the skeleton of the whole term: no gaps, inner punctuation kept
    gaps: frozenset[int] = frozenset()  # positions in `key` where the query had a word gap
    parts: tuple[Term, ...] = ()  # outside quotes: the space-separated words (ZWNJ compounds whole)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w for run in self.runs for w in run)

    @property
    def loose(self) -> bool:
        """Words outside quotes: as a phrase, or else each word anywhere in the text."""
        return len(self.parts) > 1


@dataclass(frozen=True)
class Query:
    """A parsed query: every term must match (a loose term as a phrase or word by word)."""

    text: str
    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)


def _term(text: str, quoted: bool) -> Term | None:
    key = match_key(text)
    runs = tuple(tuple(run.split()) for run in _RUN.findall(key))
    if not runs:
        return None
    bare = _EDGE.sub("", key).replace(" ", "")
    stripped = _EDGE.sub("", key)
    gaps = frozenset(i - n for n, i in enumerate(j for j, c in enumerate(stripped) if c == " "))
    parts: tuple[Term, ...] = ()
    if not quoted and len(text.split()) > 1:
        parts = tuple(t for t in (_term(w, True) for w in text.split()) if t is not None)
    return Term(text.strip(), quoted, runs, bare, gaps, parts)


def parse_query(query: str) -> Query:
    """Split a query into its quoted phrases and (as one loose term) the words outside quotes."""
    terms = [_term(m.group(1), True) for m in _QUOTED.finditer(query)]
    rest = _QUOTED.sub(" ", query).replace('"', " ").replace("«", " ").replace("»", " ")
    terms.append(_term(rest, False))
    return Query(query, tuple(t for t in terms if t is not None))


def query_terms(query: str) -> list[str]:
    """Split a query into terms: quoted phrases stay whole, other words are terms."""
    parsed = parse_query(query)
    out = [t.text for t in parsed.terms if t.quoted]
    for t in parsed.terms:
        if not t.quoted:
            out.extend(t.text.split())
    return out


# --- matching one phrase --------------------------------------------------------------

@lru_cache(maxsize=512)
def _class(chars: str) -> str:
    """A regex class of exactly `chars`, runs of consecutive code points written as ranges (the
    ignored marks are about a thousand: a query's regex then compiles about three times faster)."""
    codes = sorted(set(map(ord, chars)))
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) + ("" if j == i else "-" if j > i + 1 else "") +
                   ("" if j == i else re.escape(chr(codes[j]))))
        i = j + 1
    return "[" + "".join(out) + "]"


@lru_cache(maxsize=1)
def _pieces() -> tuple[str, str, str, frozenset[str]]:
    """Regex pieces: skip inside a word, skip at a gap, rest of a word; and the ignored characters."""
    ignored = match_ignored_chars()
    skip = _class(ignored) + "*"
    gap = "(?:" + _class(ignored) + "|" + _class(match_gap_chars()) + ")*"
    rest = f"(?P<rest>(?:[^\\W_]|{_class(ignored)}|{ZWNJ})*)"
    return skip, gap, rest, frozenset(ignored)


@lru_cache(maxsize=256)
def _phrase_regex(key: str, gaps: frozenset[int]) -> re.Pattern[str]:
    """Compile the regex for one skeleton; `gaps` are positions where the query had a word gap.

    Elsewhere a gap in the text is allowed only with two letters or more on each side, so
    compounds split or joined differently match but «کا ره» is not «کار».
    """
    skip, gap, rest, _ = _pieces()
    parts = []
    for i, c in enumerate(key):
        if i:
            parts.append(gap if gap_allowed(key, gaps, i) else skip)
        parts.append(_class(match_variants(c)) if c.isalnum() else _class(c))
    return re.compile("".join(parts) + rest)


_SUFFIX_OK: dict[str, bool] = {}


def _is_suffix(rest: str) -> bool:
    ok = _SUFFIX_OK.get(rest)
    if ok is None:
        if len(_SUFFIX_OK) > 50_000:
            _SUFFIX_OK.clear()
        ok = _SUFFIX_OK[rest] = skeleton(rest) in SUFFIXES
    return ok


def find_phrase(key: str, text: str, gaps: frozenset[int] = frozenset()) -> list[Span]:
    """Whole-word spans of `text` matching one skeleton (see the module docstring)."""
    if not key:
        return []
    regex = _phrase_regex(key, gaps)
    ignored = _pieces()[3]
    hits: list[Span] = []
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        start = m.start()
        before = text[start - 1] if start else " "
        rest = m.group("rest")
        end = m.start("rest")
        if before.isalnum() or before in ignored:
            pos = start + 1
            continue
        if _is_suffix(rest):
            end = m.end("rest")
            while end > start and text[end - 1] == ZWNJ:
                end -= 1
        elif not rest.startswith(ZWNJ):
            pos = start + 1
            continue
        hits.append((start, end))
        pos = max(end, start + 1)
    return hits


def stem_keys(key: str, last_word: str, separate: bool) -> list[str]:
    """Skeletons to look for: `key`, and its stem without a plural or ezafe ending.

    `last_word` is the key's last word; `separate` says it is a word of its own
    (written after a space or ZWNJ), so any listed ending counts.
    """
    keys = [key]
    if separate and last_word in _SEPARATE_ENDINGS:
        keys.append(_EDGE.sub("", key[: -len(last_word)]))
    else:
        for ending in _PLURAL_ENDINGS:
            if last_word.endswith(ending) and len(last_word) - len(ending) >= _MIN_STEM:
                keys.append(key[: -len(ending)])
                break
    return [k for k in keys if k]


def _merge(spans: list[Span]) -> list[Span]:
    """Sorted spans without overlaps (the earlier, longer span wins)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    return out


@lru_cache(maxsize=256)
def term_keys(term: Term) -> list[str]:
    """The skeletons a term's phrase is looked for as (itself and its stem). Do not change the list."""
    words = term.words
    return stem_keys(term.key, words[-1], len(words) > 1)


def _spans_of(keys: list[str], text: str, gaps: frozenset[int] = frozenset()) -> list[Span]:
    if len(keys) == 1:
        return find_phrase(keys[0], text, gaps)  # already sorted, without overlaps
    return _merge([s for key in keys for s in find_phrase(key, text, gaps)])


def term_spans(term: Term, text: str) -> list[Span]:
    """Spans of one term; empty when the term does not match the text."""
    found = _spans_of(term_keys(term), text, term.gaps)
    if found or not term.loose:
        return found
    each = [term_spans(part, text) for part in term.parts]
    return _merge([s for spans in each for s in spans]) if all(each) else []


def find_query(query: Query, text: str) -> list[Span]:
    """Spans of all terms, sorted; empty unless every term matches the text."""
    if len(query.terms) == 1:
        return term_spans(query.terms[0], text)  # already merged
    spans: list[Span] = []
    for term in query.terms:
        found = term_spans(term, text)
        if not found:
            return []
        spans.extend(found)
    return _merge(spans)


def find_in_text(query: str | Query, text: str) -> list[Span]:
    """Spans of `text` (its own code points, whole words) matching the query; no index needed."""
    parsed = parse_query(query) if isinstance(query, str) else query
    return find_query(parsed, text) if parsed else []


def matches(query: str | Query, text: str) -> bool:
    """Tell whether `text` matches the query (for list filters)."""
    return bool(find_in_text(query, text))


def gap_allowed(key: str, gaps: frozenset[int], at: int) -> bool:
    """Tell whether a hit of `key` may have a word gap before its character `at` (see `_phrase_regex`)."""
    return 0 < at < len(key) and (at in gaps or 2 <= at <= len(key) - 2)
