"""What a folder says about its lines: furniture repeated across its articles, and the user's marks.

Two kinds of evidence, both kept outside the article folder:

- **Repeated lines** (user cache folder, `lines/<folder>.json`): a short line (at most
  `MAX_WORDS` words) found in `REPEAT_MIN` or more different stories of the folder is page
  furniture (a site's menu, slogan, widget, disclaimer). Copies of one story (files that
  share a long paragraph) count once, so a story saved twice does not hide its own title.
  Lines ending in ":" (speech openers such as «وی افزود:») never count. The per-file line
  keys are cached by file size and modification time, so only changed files are read again.
- **The user's marks** (user data folder, `folders/<folder>.json`, because a choice is not a
  cache and must survive clearing one): "furniture" or "not furniture" for a line, applied to
  every identical line (same matching form) of the folder.

`for_folder()` gives the `parse.FolderRules` of a folder, remembered in memory (see there).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..files.atomic import write_atomic
from .boilerplate import clean, key, words
from .lines import NO_RULES, FolderRules, split_lines  # not `parse`: a listing from the cache loads no parser
from ..files.paths import cache_dir, data_dir
from ..text.textio import UnreadableArticle, is_article_name, read_text, shown_name

MAX_WORDS = 12  # longer lines are text, however often they recur
STORY_WORDS = 15  # a line this long shared by two files makes them copies of one story
REPEAT_MIN = 3  # stories a line must recur in to count as furniture
MAX_FILE = 2_000_000  # bytes: larger files are not read for repeated lines
CACHE_VERSION = 1

_lock = threading.Lock()
RECHECK = 30.0  # seconds between looks at a changed folder
_memo: dict[str, tuple[tuple[int, int, float], FolderRules]] = {}


def folder_key(corpus: Path) -> str:
    """A stable name for a folder: a digest of its real path."""
    return hashlib.sha1(str(corpus.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def marks_path(corpus: Path) -> Path:
    return data_dir() / "folders" / f"{folder_key(corpus)}.json"


def lines_cache_path(corpus: Path) -> Path:
    return cache_dir() / "lines" / f"{folder_key(corpus)}.json"


# --- the user's marks ------------------------------------------------------------------

def load_marks(corpus: Path) -> dict[str, dict[str, str]]:
    """`{"furniture": {key: line}, "keep": {key: line}}`; a missing or damaged file is no marks."""
    try:
        data = json.loads(marks_path(corpus).read_text("utf-8"))
        return {k: {str(a): str(b) for a, b in dict(data.get(k) or {}).items()} for k in ("furniture", "keep")}
    except (OSError, ValueError, TypeError, AttributeError):
        return {"furniture": {}, "keep": {}}


def mark_line(corpus: Path, line: str, furniture: bool | None) -> None:
    """Mark every line identical to `line` (matching form) in the folder as furniture (True),
    not furniture (False), or neither (None: back to the rules). Raises OSError if it cannot be saved."""
    k = key(line)
    if not k:
        return
    with _lock:
        marks = load_marks(corpus)
        for kind in ("furniture", "keep"):
            marks[kind].pop(k, None)
        if furniture is not None:
            marks["furniture" if furniture else "keep"][k] = clean(line)
        _write_json(marks_path(corpus), {"folder": shown_name(str(corpus.resolve())), **marks})
        _memo.pop(str(corpus.resolve()), None)


def _write_json(path: Path, data: Any, indent: int | None = 1) -> None:
    """Write a JSON file atomically (`core/files/atomic.py`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=indent).encode("utf-8"))


def line_keys(text: str) -> tuple[list[str], list[str]]:
    """The short line keys of an article (each once) and the keys of its long lines."""
    short: dict[str, None] = {}
    long: dict[str, None] = {}
    for ln in split_lines(text):
        c = clean(ln.text)
        if not c:
            continue
        n = words(c)
        if n >= STORY_WORDS:
            long[key(c)] = None
        elif n <= MAX_WORDS and not c.endswith((":", "：")) and (c[0].isalpha() or any(ch.isalpha() for ch in c)):
            short[key(c)] = None
    return list(short), [hashlib.sha1(k.encode("utf-8", "surrogatepass")).hexdigest()[:12] for k in long]


def file_line_keys(corpus: Path, names: list[str]) -> list[tuple[list[str], list[str]]]:
    """`line_keys` of each named file (none for a file that cannot be read); a worker process can run it."""
    out: list[tuple[list[str], list[str]]] = []
    for name in names:
        try:
            out.append(line_keys(read_text(corpus / name).text))
        except (OSError, UnreadableArticle):
            out.append(([], []))
    return out


def _read_keys(corpus: Path, names: list[str]) -> Iterator[tuple[list[str], list[str]]]:
    for name in names:
        yield file_line_keys(corpus, [name])[0]


# Reads the line keys of many files, in their order (search_index reads them in worker processes).
KeysReader = Callable[[Path, list[str]], Iterable[tuple[list[str], list[str]]]]


def _files(corpus: Path) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    try:
        with os.scandir(corpus) as entries:
            for entry in entries:
                if not is_article_name(entry.name) or shown_name(entry.name) != entry.name:
                    continue  # names that are not UTF-8 are skipped as articles too (textio.check_name)
                try:
                    st = entry.stat()
                except OSError:
                    continue
                if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_FILE:
                    out[entry.name] = (st.st_mtime_ns, st.st_size)
    except OSError:
        pass
    return out


def repeated_lines(corpus: Path, tick: Callable[[int, int], None] | None = None,
                   read: KeysReader | None = None) -> frozenset[str]:
    """Keys of the short lines that recur in `REPEAT_MIN` or more stories of the folder.

    `tick(done, total)` is called after each file read (a worker reports progress, and may
    stop the count by raising). `read` reads the files not cached (default: one by one, here).
    """
    files = _files(corpus)
    path = lines_cache_path(corpus)
    counted = path.with_suffix(".count.json")  # the last count, and the folder and cache it was made from
    state = _state(files, path)
    try:
        last = json.loads(counted.read_text("utf-8"))
        if last["version"] == CACHE_VERSION and last["state"] == state:
            return frozenset(str(k) for k in last["repeated"])  # nothing changed: no cache to load, no count
    except (OSError, ValueError, TypeError, KeyError):
        pass
    try:
        cached = json.loads(path.read_text("utf-8"))
        known = cached["files"] if cached.get("version") == CACHE_VERSION else {}
    except (OSError, ValueError, TypeError, KeyError):
        known = {}
    entries: dict[str, Any] = {}
    todo: list[tuple[int, str]] = []  # (position in the folder, name) of the files to read
    for done, (name, sig) in enumerate(files.items(), 1):
        old = known.get(name)
        if isinstance(old, dict) and old.get("sig") == list(sig):
            entries[name] = old
        else:
            entries[name] = None
            todo.append((done, name))
    keys = (read or _read_keys)(corpus, [name for _, name in todo])
    for (done, name), (short, long) in zip(todo, keys, strict=True):
        entries[name] = {"sig": list(files[name]), "short": short, "long": long}
        if tick is not None:
            tick(done, len(files))
    if todo or len(entries) != len(known):
        try:  # a cache, not for people: written without indentation (the encoder in C, not Python)
            _write_json(path, {"version": CACHE_VERSION, "folder": shown_name(str(corpus.resolve())), "files": entries},
                        indent=None)
        except OSError:
            pass  # no usable cache folder: counted again next time
    repeated = _count(entries)
    try:
        _write_json(counted, {"version": CACHE_VERSION, "state": _state(files, path), "repeated": sorted(repeated)},
                    indent=None)
    except OSError:
        pass
    return repeated


def _state(files: dict[str, tuple[int, int]], cache: Path) -> str:
    """A digest of the folder's article files (names, mtimes, sizes) and of the line-key cache file."""
    try:
        st = cache.stat()
        sig = f"{st.st_mtime_ns} {st.st_size} {st.st_ino}"
    except OSError:
        sig = "none"
    h = hashlib.sha1(sig.encode())
    h.update("\n".join(f"{n}\0{m}\0{z}" for n, (m, z) in sorted(files.items())).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _count(entries: dict[str, Any]) -> frozenset[str]:
    # Copies of one story (a long line in common) are one story: union-find over files.
    parent = {name: name for name in entries}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[str, str] = {}
    for name, e in entries.items():
        for h in e.get("long", []):
            if h in owner:
                parent[root(name)] = root(owner[h])
            else:
                owner[h] = name
    stories: dict[str, set[str]] = defaultdict(set)
    for name, e in entries.items():
        for k in e.get("short", []):
            stories[k].add(root(name))
    return frozenset(k for k, s in stories.items() if len(s) >= REPEAT_MIN)


# --- both ------------------------------------------------------------------------------

def _mtime(p: Path) -> int:
    try:
        return p.stat().st_mtime_ns
    except OSError:
        return 0


def for_folder(corpus: Path, read: KeysReader | None = None) -> FolderRules:
    """The rules of a folder (repeated lines and the user's marks); NO_RULES if it cannot be read.

    Remembered in memory: a new mark takes effect at once; a change in the folder (a file
    added, removed or renamed, which includes annotation saves) is looked at again at most
    every `RECHECK` seconds, so opening articles never waits for a scan of a large folder.
    `read`: how files whose line keys are not cached are read (`repeated_lines`).
    """
    try:
        real = str(corpus.resolve())
    except OSError:
        return NO_RULES
    folder, marks_at = _mtime(corpus), _mtime(marks_path(corpus))
    now = time.monotonic()
    with _lock:
        hit = _memo.get(real)
        if hit is not None and hit[0][1] == marks_at and (hit[0][0] == folder or now - hit[0][2] < RECHECK):
            return hit[1]
    marks = load_marks(corpus)
    rules = FolderRules(furniture=frozenset(marks["furniture"]), keep=frozenset(marks["keep"]),
                        repeated=repeated_lines(corpus, read=read))
    with _lock:
        _memo[real] = ((folder, marks_at, now), rules)
    return rules


def provisional(corpus: Path) -> FolderRules:
    """Rules to show a new folder with before its repeated lines are counted (which reads every file).

    The user's marks, and the repeated lines of the files whose keys are already cached
    (none for a folder never opened). They are remembered as the folder's rules, so opening
    an article meanwhile does not wait for the count; `rescan` replaces them.
    """
    try:
        real = str(corpus.resolve())
    except OSError:
        return NO_RULES
    marks = load_marks(corpus)
    try:
        cached = json.loads(lines_cache_path(corpus).read_text("utf-8"))
        known = cached["files"] if cached.get("version") == CACHE_VERSION else {}
        files = _files(corpus)
        entries = {n: e for n, e in known.items() if isinstance(e, dict) and e.get("sig") == list(files.get(n, ()))}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        entries = {}
    rules = FolderRules(furniture=frozenset(marks["furniture"]), keep=frozenset(marks["keep"]),
                        repeated=_count(entries))
    with _lock:
        _memo[real] = ((_mtime(corpus), _mtime(marks_path(corpus)), time.monotonic()), rules)
    return rules


def rescan(corpus: Path, tick: Callable[[int, int], None] | None = None) -> FolderRules:
    """Count the folder's repeated lines now (reading changed files; `tick` as `repeated_lines`)
    and remember the result as the folder's rules."""
    try:
        real = str(corpus.resolve())
    except OSError:
        return NO_RULES
    folder, marks_at = _mtime(corpus), _mtime(marks_path(corpus))
    marks = load_marks(corpus)
    rules = FolderRules(furniture=frozenset(marks["furniture"]), keep=frozenset(marks["keep"]),
                        repeated=repeated_lines(corpus, tick))
    with _lock:
        _memo[real] = ((folder, marks_at, time.monotonic()), rules)
    return rules
