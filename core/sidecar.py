"""Where an article's annotations live, and a read-only peek at how many there are."""

from __future__ import annotations

import json
from pathlib import Path

SUFFIX = ".annotations.json"


def sidecar_path(article: Path) -> Path:
    """`dir/<stem>.txt` → `dir/<stem>.annotations.json`."""
    return article.with_name(article.stem + SUFFIX)


def peek_count(article: Path) -> tuple[int, str | None]:
    """Count the annotations beside an article without changing anything.

    Returns (count, warning); a sidecar that does not parse counts as 0 with a warning.
    """
    path = sidecar_path(article)
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return 0, None
    except (OSError, UnicodeDecodeError) as exc:
        return 0, f"{path.name}: cannot be read ({exc}); counted as no annotations"
    try:
        data = json.loads(raw)
    except ValueError as exc:
        return 0, f"{path.name}: not valid JSON ({exc}); counted as no annotations"
    items = _items(data)
    if items is None:
        return 0, f"{path.name}: not a W3C annotation collection; counted as no annotations"
    return sum(1 for a in items if isinstance(a, dict)), None


def _items(data: object) -> list[object] | None:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("first"), dict):
        data = data["first"]
    items = data.get("items") if isinstance(data, dict) else None
    return items if isinstance(items, list) else None
