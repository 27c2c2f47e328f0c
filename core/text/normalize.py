"""The one place for Persian text rules: letter folding, digits, matching keys, hazm.

Three levels, from cheap to expensive:
- `fold_letters` / `fold_digits`: same-length character maps (no alignment needed);
- `match_key`: the DESIGN §5 matching form (letters, digits, diacritics, tatweel,
  ZWNJ/space variants), with an index map back to the input;
- `hazm_normalize`: hazm's Normalizer (spacing, ZWNJ, punctuation), loaded lazily
  because `import hazm` and `Normalizer()` each cost about a second.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import sys
import threading
import unicodedata
from array import array
from itertools import compress
from operator import not_
from pathlib import Path
from typing import Any, Literal

ZWNJ = "\u200c"
TATWEEL = "\u0640"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

DigitStyle = Literal["fa", "latin", "keep"]

_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ٸ": "ی"})
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_ARABIC_TO_PERSIAN = str.maketrans(ARABIC_DIGITS, PERSIAN_DIGITS)

# Matching folds (DESIGN §5): one character to at most one character.
_MATCH_LETTERS = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ٸ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه",
    "أ": "ا", "إ": "ا", "ٱ": "ا", "آ": "ا", "ؤ": "و",
}
_SPACES = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
SPACES = _SPACES  # what `is_space` accepts (display.py collapses runs of them by a regex)
_INVISIBLE = {"\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
              "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", TATWEEL}


# HTML left in scraped text: tags are dropped from display, a few entities decoded.
MARKUP = re.compile(r"<[A-Za-z/!][^<>]{0,300}>|&(?:nbsp|amp|lt|gt|quot|zwnj|#\d{1,6});")
ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&zwnj;": ZWNJ}


def strip_markup(text: str) -> str:
    """Text without HTML tags (entities kept): for classifying lines."""
    if "<" not in text:
        return text  # no tag can match (`in` runs at C speed; most lines have no markup)
    return MARKUP.sub(lambda m: " " if m.group().startswith("<") else m.group(), text)


# str.translate looks every character up in a dict (slow on Persian text); these
# run at C speed: a few str.replace calls, or a regex that only visits the digits.
# A search for one character of the class first: about three times faster than the
# runs pattern on a text that has none (most lines), and a text without one is returned as is.
_DIGITS_TO = {
    "latin": (re.compile(f"[{PERSIAN_DIGITS}{ARABIC_DIGITS}]+"), _TO_LATIN),
    "fa": (re.compile(f"[{LATIN_DIGITS}{ARABIC_DIGITS}]+"), _TO_PERSIAN),
    "keep": (re.compile(f"[{ARABIC_DIGITS}]+"), _ARABIC_TO_PERSIAN),
}
_DIGIT_IN = {style: re.compile(pattern.pattern[:-1]) for style, (pattern, _) in _DIGITS_TO.items()}


def fold_letters(text: str) -> str:
    """Replace Arabic ي ى ك ٸ with Persian ی ک (same length)."""
    return text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک").replace("ٸ", "ی")


def fold_digits(text: str, style: DigitStyle = "fa") -> str:
    """Write all digits in one script: `fa` Persian, `latin` ASCII, `keep` Arabic→Persian only."""
    if _DIGIT_IN[style].search(text) is None:
        return text
    pattern, table = _DIGITS_TO[style]
    return pattern.sub(lambda m: m.group().translate(table), text)


def to_latin_digits(text: str) -> str:
    """Write Persian and Arabic-Indic digits as ASCII digits."""
    return fold_digits(text, "latin")


def is_space(ch: str) -> bool:
    """Tell whether `ch` is horizontal white space (not a line break, not ZWNJ)."""
    return ch in _SPACES


def _match_char(ch: str) -> str:
    """Return the matching form of one character: '' drops it, ' ' is a word gap."""
    if ch in _MATCH_LETTERS:
        return _MATCH_LETTERS[ch]
    if ch in _INVISIBLE:
        return ""
    if ch == ZWNJ or ch in _SPACES or ch in "\r\n\u2028\u2029":
        return " "
    if ch.isdigit():
        return to_latin_digits(ch) if ch in PERSIAN_DIGITS + ARABIC_DIGITS else ch
    if unicodedata.category(ch) == "Mn":
        return ""
    return ch.lower()


_MATCH_CACHE: dict[str, str] = {}


def match_key_indexed(text: str) -> tuple[str, list[int]]:
    """Return the matching form of `text` and, for each of its characters, the index in `text`.

    Letter variants are folded, diacritics, tatweel and invisible marks dropped, digits
    made ASCII, and every run of spaces, ZWNJ and line breaks becomes one space.
    """
    out: list[str] = []
    where: list[int] = []
    cache = _MATCH_CACHE
    for i, ch in enumerate(text):
        m = cache.get(ch)
        if m is None:
            m = cache[ch] = _match_char(ch)
        if not m:
            continue
        if m == " " and out and out[-1] == " ":
            continue
        out.append(m)
        where.append(i)
    return "".join(out), where


_GAP_RUN = re.compile(" {2,}")


def match_key(text: str) -> str:
    """Return the matching form of `text` (see `match_key_indexed`).

    The same as `match_key_indexed(text)[0].strip()` (a test checks every BMP character and
    mixed strings), computed with the folding table instead of a Python loop per character.
    """
    if not text.isascii() and max(text) > "\uffff":
        return match_key_indexed(text)[0].strip()  # the table covers the BMP only
    frequent, others, one, table = _fast_folds or _build_fast_folds()
    for ch, to in frequent:
        if ch in text:
            text = text.replace(ch, to)
    if one.search(text) is not None:
        text = others.sub(lambda m: m.group().translate(table), text)
    if "\n" in text:
        text = text.replace("\n", " ")  # line breaks are gaps here (`match_key_lines` keeps them)
    return _GAP_RUN.sub(" ", text).strip()


def skeleton(text: str) -> str:
    """Return the matching form without any word gaps: compounds match however spaced."""
    return match_key(text).replace(" ", "")


_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Count words: runs of letters and digits; spaces, ZWNJ and punctuation separate them.

    hazm's spacing fixes («میشود» → «می‌شود») can change the figure by about 1-2 %, so
    Article.words counts the quick level: `list` and `show` agree without loading hazm.
    """
    breakers = _word_breakers or _build_word_breakers()
    if breakers.search(text) is None:  # the matching form has the same words: it is not made
        return len(_WORD.findall(text))
    return len(_WORD.findall(match_key_lines(text)))


_word_breakers: re.Pattern[str] | None = None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches in a str pattern


def _build_word_breakers() -> re.Pattern[str]:
    """The characters whose matching form may start, end, join or split a word: those it
    drops, those it writes on the other side of the word/non-word divide, and every character
    beyond the BMP (the table does not cover them). A text without any of them has the same
    words, one for one, as its matching form, which maps it character by character (a test
    checks every BMP character)."""
    global _word_breakers
    frequent, others, one, table = _fast_folds or _build_fast_folds()
    assert _FAST_KEY is not None
    changed = sorted(chr(code) for code in _FAST_KEY if chr(code) not in "\r\n\u2028\u2029")  # breaks stay breaks
    folded = match_key_lines("\n".join(changed)).split("\n")
    breakers = [ch for ch, to in zip(changed, folded, strict=True)
                if not to or any(_is_word(t) != _is_word(ch) for t in to)]
    _word_breakers = re.compile("[" + "".join(map(re.escape, breakers)) + "\U00010000-\U0010ffff]")
    return _word_breakers


# --- hazm, loaded lazily -------------------------------------------------------------

_normalizer: Any = None
_normalizer_lock = threading.Lock()


def hazm_loaded() -> bool:
    """Tell whether hazm's Normalizer is built (and hazm_normalize will be fast)."""
    return _normalizer is not None


def get_normalizer() -> Any:
    """Build hazm's Normalizer once (about 2 s on first call); thread-safe."""
    global _normalizer
    with _normalizer_lock:
        if _normalizer is None:
            # hazm's modules and word lists live as long as the process: collected neither while they load
            # nor at each later full collection (which walked them in 100-500 ms, holding the interpreter,
            # so a window's UI thread stood still: bench/bench_big_article.py).
            collecting = gc.isenabled()
            gc.disable()
            try:
                from hazm import Normalizer  # slow import: keep it off the start-up path

                _normalizer = Normalizer()
            finally:
                gc.freeze()
                if collecting:
                    gc.enable()
    return _normalizer


def hazm_normalize(line: str) -> str:
    """Normalise one line with hazm (spacing, ZWNJ, Persian punctuation and digits)."""
    return str(get_normalizer().normalize(line))


# --- matching tables for regular expressions and indexes (built lazily) -----------------

_inverse: dict[str, str] | None = None
_FAST_KEY: dict[int, str | None] | None = None
_inverse_lock = threading.Lock()


def _build_inverse() -> dict[str, str]:
    """Map each matching form to every BMP character that folds to it (a few ms, once).

    `_match_char` is asked only about the characters it may change (letters with a lower
    case, digits, marks, spaces, the folded and invisible ones); the rest keep themselves.
    It is on the start-up path (every parse needs `_FAST_KEY`), so the scan runs in C, and
    its result is kept in the user cache for the next start (`_load_tables`).
    """
    global _inverse, _FAST_KEY
    with _inverse_lock:
        if _inverse is None and not _load_tables():
            inverse: dict[str, list[str]] = {}
            fast: dict[int, str | None] = {}
            bmp = array("I", [*range(0xD800), *range(0xE000, 0x10000)]).tobytes().decode("utf-32")
            marks = compress(bmp, map(not_, map(str.isalnum, bmp)))  # Mn is never a letter or digit
            maybe = sorted(
                {ch for ch, low in zip(bmp, map(str.lower, bmp)) if low != ch}
                | {ch for ch in marks if unicodedata.category(ch) == "Mn"}
                | set(compress(bmp, map(str.isdigit, bmp)))
                | set(_MATCH_LETTERS) | _INVISIBLE | set(_SPACES) | {ZWNJ, "\r", "\n", "\u2028", "\u2029"})
            for ch in maybe:
                m = _match_char(ch)
                if m != ch:
                    inverse.setdefault(m, []).append(ch)
                    fast[ord(ch)] = m or None
            for br in "\r\n\u2028\u2029":
                fast[ord(br)] = "\n"
            _FAST_KEY = fast
            _inverse = {k: "".join(v) for k, v in inverse.items()}
            _store_tables()
    assert _inverse is not None
    return _inverse


def _tables_file() -> Path:
    """The built tables in the user cache, for this rule code, Python and Unicode version."""
    from ..files.paths import cache_dir

    h = hashlib.sha1(f"{sys.version}\0{unicodedata.unidata_version}\0".encode())
    h.update(Path(__file__).read_bytes())
    return cache_dir() / "tables" / f"match-{h.hexdigest()[:16]}.json"


def _load_tables() -> bool:
    """Read the tables `_build_inverse` built at an earlier start (about 1 ms instead of 20)."""
    global _inverse, _FAST_KEY
    try:
        inverse, fast = json.loads(_tables_file().read_text("utf-8"))
        table = {int(code): to for code, to in fast}
        if not ("" in inverse and " " in inverse
                and all(isinstance(k, str) and isinstance(v, str) for k, v in inverse.items())
                and all(0 <= code < 0x10000 and (to is None or isinstance(to, str)) for code, to in table.items())):
            return False
    except (OSError, ValueError, TypeError, AttributeError):
        return False  # none yet, unreadable or not ours: built again
    _inverse, _FAST_KEY = inverse, table
    return True


def _store_tables() -> None:
    from ..files.atomic import write_atomic  # only when the tables were built (a new release)

    try:
        path = _tables_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps([_inverse, list((_FAST_KEY or {}).items())], ensure_ascii=False).encode("utf-8")
        write_atomic(path, data, durable=False)  # a cache: whole or not at all, no fsync
    except OSError:
        pass  # no cache folder (read-only home): built at each start, as before


def match_variants(key_char: str) -> str:
    """Every character whose matching form is `key_char`, `key_char` included (BMP only)."""
    return key_char + _build_inverse().get(key_char, "")


def match_ignored_chars() -> str:
    """Characters that matching drops: diacritics (Mn), tatweel, invisible marks."""
    return _build_inverse()[""]


def match_gap_chars(*, line_breaks: bool = False) -> str:
    """Characters that separate words without punctuation: spaces and ZWNJ (and line breaks)."""
    gaps = _build_inverse()[" "] + " "
    return gaps if line_breaks else "".join(c for c in gaps if c not in "\r\n\u2028\u2029")


# Characters frequent in Persian pages that `match_key_lines` folds with str.replace (C speed);
# the rest of the table is applied by a regex that visits only the characters it changes.
_FREQUENT_FOLDS = "يكىآأإئۀة\u200c\u200d\u200e\u200f\xa0\r" + PERSIAN_DIGITS + ARABIC_DIGITS + TATWEEL
# (frequent folds, the runs pattern of the others, the same for one character, the others' table)
FastFolds = tuple[tuple[tuple[str, str], ...], re.Pattern[str], re.Pattern[str], dict[int, str | None]]
_fast_folds: FastFolds | None = None


def _build_fast_folds() -> FastFolds:
    global _fast_folds
    _build_inverse()
    assert _FAST_KEY is not None
    if _fast_folds is None:
        frequent = tuple((ch, _FAST_KEY[ord(ch)] or "") for ch in _FREQUENT_FOLDS if ord(ch) in _FAST_KEY)
        rest = {k: v for k, v in _FAST_KEY.items() if chr(k) not in _FREQUENT_FOLDS and v != chr(k)}
        ranges: list[list[int]] = []
        for code in sorted(rest):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
        pattern = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
        # The one-character pattern finds whether there is anything to fold about three times
        # faster than the runs pattern (a search for a class visits the text in a tight loop).
        _fast_folds = (frequent, re.compile(f"[{pattern}]+"), re.compile(f"[{pattern}]"), rest)
    return _fast_folds


def match_key_lines(text: str) -> str:
    """Matching form without an index map, fast: gaps → ' ', line breaks → '\\n'.

    Unlike `match_key`, runs of gaps are not collapsed; meant for tokenising an index.
    The same as `text.lower().translate(_FAST_KEY)` (a test checks every BMP character),
    about three times faster on Persian text: str.translate looks every character up.
    """
    frequent, others, one, table = _fast_folds or _build_fast_folds()
    text = text.lower()
    for ch, to in frequent:
        if ch in text:
            text = text.replace(ch, to)
    if one.search(text) is None:
        return text  # nothing else to fold (most text): the same as the substitution would give
    return others.sub(lambda m: m.group().translate(table), text)


_ALPHABET = "آاأإبپتثجچحخدذرزژسشصضطظعغفقکگلمنوؤهةۀیئ"
_COLLATE = str.maketrans({ch: chr(0xE000 + i) for i, ch in enumerate(_ALPHABET)}
                         | {"ي": chr(0xE000 + _ALPHABET.index("ی")), "ك": chr(0xE000 + _ALPHABET.index("ک")),
                            ZWNJ: " "})


def persian_sort_key(text: str) -> str:
    """A key that orders Persian text alphabetically (پ after ب, گ after ک, Arabic forms folded)."""
    return text.translate(_COLLATE)
