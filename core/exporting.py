"""Exports of a corpus's annotations; one function per format, shared by the CLI and the window."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .annotations import CONTEXT, Anchored, iri_part, to_w3c
from .article import Article
from .corpus import iter_articles
from .store import AnnotationStore, current_form

Exporter = Callable[[Path, list[tuple[Article, Anchored]]], str]


def collect(
    corpus: Path, only: str | None = None, warn: Callable[[str], None] = lambda _m: None
) -> list[tuple[Article, Anchored]]:
    """Every annotation of the corpus (or one article), anchored; `warn` hears about bad sidecars.

    Raises CorpusError for an unusable folder and KeyError for an unknown article id.
    """
    store = AnnotationStore(corpus)
    rows: list[tuple[Article, Anchored]] = []
    found = False
    for art in iter_articles(corpus):
        if only is not None and art.id != only:
            continue
        found = True
        result = store.load(art)
        for w in result.warnings:
            warn(w)
        rows.extend((art, a) for a in result.anchored)
    if only is not None and not found:
        raise KeyError(only)
    return rows


def export_jsonld(corpus: Path, rows: list[tuple[Article, Anchored]]) -> str:
    """All annotations of the corpus as one W3C AnnotationCollection."""
    items = [to_w3c(current_form(a, art.source_text)) for art, a in rows]
    base = f"urn:hashiye:export:{iri_part(corpus.name)}"
    doc = {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": f"Hashiye annotations of {corpus.name}",
        "total": len(items),
        "first": {"id": f"{base}:page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# Export formats by `--format` name; each gets the corpus folder and every anchored annotation.
EXPORTERS: dict[str, Exporter] = {"jsonld": export_jsonld}
