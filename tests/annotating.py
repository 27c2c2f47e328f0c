"""Test helpers that annotate a copied corpus through the real store."""

from __future__ import annotations

from pathlib import Path

from hashiye.core.annotations.model import new_annotation
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore


def annotate(folder: Path, article: str, quote: str | None = None, **kw: object) -> str:
    """Highlight `quote` (default: the title's first 20 characters) in an article; return the id."""
    art = load_article(folder / f"{article}.txt")
    if quote is None:
        start = art.source_text.index(art.parsed.title or "") if art.parsed.title else 0
        quote = art.source_text[start:start + 20]
    start = art.source_text.index(quote)
    ann = new_annotation(art.id, art.source_text, start, start + len(quote), **kw)  # type: ignore[arg-type]
    AnnotationStore(folder).save_change(art, upsert=[ann])
    return ann.id


def make_orphan(folder: Path, article: str, note: str) -> str:
    """Annotate an article's lead, then rewrite the lead so the annotation can no longer be placed."""
    path = folder / f"{article}.txt"
    art = load_article(path)
    lead = art.parsed.lead or ""
    ann_id = annotate(folder, article, lead[:80], note=note, tags=["گم"])
    path.write_text(art.source_text.replace(lead, "متن این بند به کلی دگرگون شد."), "utf-8")
    return ann_id
