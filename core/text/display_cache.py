"""Disk cache of hazm-normalised display text, so a known article never waits for hazm."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

from ..files.atomic import write_atomic
from .display import Display, Hidden, Paragraph
from .offsets import OffsetMap
from ..files.paths import cache_dir

VERSION = "4"  # bump when the cache format changes
# The rules that shape a display: any edit to these modules, or another hazm, is a new key.
RULE_MODULES = ("corpus/parse.py", "corpus/lines.py", "corpus/line_kinds.py", "corpus/sources.py",
                "corpus/boilerplate.py", "text/display.py", "text/normalize.py", "text/offsets.py", "text/jalali.py")
_rules: str | None = None


def rules_version() -> str:
    """A digest of the parsing and normalising code and of hazm's version (computed once)."""
    global _rules
    if _rules is None:
        h = hashlib.sha1(VERSION.encode())
        here = Path(__file__).resolve().parents[1]  # core/: the parser is in corpus/, the display in text/
        for name in RULE_MODULES:
            try:
                h.update((here / name).read_bytes())
            except OSError:
                h.update(name.encode())
        h.update(_hazm_release().encode())
        _rules = h.hexdigest()[:16]
    return _rules


def _hazm_release() -> str:
    """hazm's installed release, from its dist-info folder name (importlib.metadata costs 15 ms at start-up)."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or spec.origin is None:
        return "no hazm"
    package = Path(spec.origin).parent
    releases = sorted(p.name for p in package.parent.glob("hazm-*.dist-info"))
    return releases[-1] if releases else str(package.stat().st_mtime_ns)


def _key(source: str, digits: str, folder: str = "") -> str:
    h = hashlib.sha1(f"{rules_version()}\0{digits}\0{folder}\0".encode())
    h.update(source.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _path(source: str, digits: str, folder: str = "") -> Path:
    key = _key(source, digits, folder)
    return cache_dir() / "display" / key[:2] / f"{key}.json"


def load(source: str, digits: str, folder: str = "") -> Display | None:
    """Return the cached normalised display for this exact source text and folder rules (digest), if any."""
    try:
        data = json.loads(_path(source, digits, folder).read_text("utf-8"))
        paras = [Paragraph(r, s, e) for r, s, e in data["paragraphs"]]
        hidden = [Hidden(int(s), int(e), str(r), str(why), int(at)) for s, e, r, why, at in data["hidden"]]
        fields = {str(k): (None if v is None else str(v)) for k, v in dict(data.get("fields") or {}).items()}
        return Display(data["text"], OffsetMap.from_json(data["map"]), paras, True, hidden, fields)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(source: str, digits: str, display: Display, folder: str = "") -> None:
    """Store a normalised display; failures (read-only cache, full disk) are ignored."""
    path = _path(source, digits, folder)
    data = {
        "text": display.text,
        "map": display.map.to_json(),
        "paragraphs": [[p.role, p.start, p.end] for p in display.paragraphs],
        "hidden": [[h.start, h.end, h.role, h.reason, h.at] for h in display.hidden],
        "fields": display.fields,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                     durable=False)
    except OSError:
        pass
