"""Autocoding: tag every hit of a corpus search (docs/analysis.md).

Same query language as corpus search (`search.iter_article_hits`: letter variants, ZWNJ,
digits, endings). Each hit (or the sentence around it, `unit="sentence"`) becomes a
highlight tagged with the code, unless an annotation with that span and that tag is
already there, so running it again adds nothing. Writes go through the annotation store,
one save per article (several articles are saved at once: a save mostly waits for the
disk). `autocode_steps` is a generator yielding progress after each article (in the order
they finish), for the window's worker thread; `created` of the steps lets it undo the run as
one step (delete those ids).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..annotations.model import COLORS, Annotation, new_annotation
from ..files.atomic import bulk_saves
from ..annotations.coders import with_coder
from ..search.search import ArticleHits, CorpusIndex, iter_article_hits
from ..text.sentences import sentence_spans
from ..annotations.sidecar import CorruptSidecar, read_sidecar
from ..annotations.store import AnnotationStore

UNITS = ("hit", "sentence")


@dataclass
class AutocodeStep:
    """Progress after one article: `done` of `total` articles, running counts, what was created there."""

    done: int
    total: int
    article: str
    articles: int  # articles touched so far (or that would be)
    annotations: int  # annotations created so far (or that would be)
    created: list[Annotation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class AutocodeResult:
    query: str
    tag: str
    articles: int = 0
    annotations: int = 0
    dry_run: bool = False
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"query": self.query, "tag": self.tag, "articles": self.articles,
                "annotations": self.annotations, "dry_run": self.dry_run}


def unit_spans(text: str, spans: list[tuple[int, int]], unit: str) -> list[tuple[int, int]]:
    """The spans to code: the hits themselves, or each sentence holding a hit (once)."""
    if unit == "hit":
        return sorted(set(spans))
    if unit != "sentence":
        raise ValueError(f"unknown unit {unit!r} (one of {', '.join(UNITS)})")
    sentences = sentence_spans(text)
    out: list[tuple[int, int]] = []
    i = 0
    for start, end in sorted(spans):
        while i < len(sentences) and sentences[i][1] <= start:
            i += 1
        if i < len(sentences) and sentences[i][0] < end:
            s = (min(sentences[i][0], start), max(sentences[i][1], end))
        else:
            s = (start, end)  # a hit in white space between sentences (cannot happen for letters)
        if not out or out[-1] != s:
            out.append(s)
    return out


def autocode_steps(corpus: Path, query: str, tag: str, *, unit: str = "hit", color: str = "yellow",
                   coder: str | None = None, dry_run: bool = False) -> Iterator[AutocodeStep]:
    """Code every hit of `query` with `tag`; yield progress after each matching article.

    Raises ValueError for a bad tag, colour or unit, CorpusError for a bad folder and
    StoreError when a sidecar cannot be saved (articles saved before stay saved).
    """
    tag = tag.strip()
    if not tag:
        raise ValueError("give the code (tag) to apply")
    if color not in COLORS:
        raise ValueError(f"unknown colour {color!r} (one of {', '.join(COLORS)})")
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r} (one of {', '.join(UNITS)})")
    with CorpusIndex(Path(corpus)) as index:
        index.update(metadata=False)
        found = list(iter_article_hits(index, query, lazy=False))
    store = AnnotationStore(Path(corpus))
    with bulk_saves(Path(corpus)):
        yield from _code(store, found, tag, unit, color, coder, dry_run)


WORKERS = 8  # saves in parallel: each waits mostly for its fsyncs (different files, different locks)


def _code(store: AnnotationStore, found: list[ArticleHits], tag: str, unit: str, color: str, coder: str | None,
          dry_run: bool) -> Iterator[AutocodeStep]:
    from concurrent.futures import ThreadPoolExecutor, as_completed

    articles = annotations = 0
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(_one, store, hits, tag, unit, color, coder, dry_run) for hits in found]
        try:
            for done, future in enumerate(as_completed(futures), 1):
                art_id, created, warnings = future.result()
                if created:
                    articles += 1
                    annotations += len(created)
                yield AutocodeStep(done, len(found), art_id, articles, annotations, created, warnings)
        finally:  # stopped early (the window's Cancel) or failed: no new saves start
            for f in futures:
                f.cancel()


def _one(store: AnnotationStore, hits: ArticleHits, tag: str, unit: str, color: str, coder: str | None,
         dry_run: bool) -> tuple[str, list[Annotation], list[str]]:
    """Code one article: (its id, the annotations created, warnings); StoreError if it cannot be saved."""
    from ..corpus.article import load_article

    path = store.corpus / f"{hits.id}.txt"
    try:
        existing = read_sidecar(path).annotations
    except (CorruptSidecar, OSError, RecursionError) as exc:
        return hits.id, [], [f"{hits.id}: its annotations cannot be read ({exc}); nothing was added there"]
    have = {(a.start, a.end) for a in existing if tag in a.tags}
    spans = [s for s in unit_spans(hits.text, list(hits.spans), unit) if s not in have]
    if not spans:
        return hits.id, [], []
    new = [with_coder(new_annotation(hits.id, hits.text, s, e, color, tags=[tag]), coder) for s, e in spans]
    if dry_run:
        return hits.id, new, []
    art = load_article(path)
    if art.source_text != hits.text:
        return hits.id, [], [f"{hits.id} changed while coding; skipped (run again)"]
    store.load(art)
    return hits.id, new, store.save_change(art, upsert=new).warnings


def autocode(corpus: Path, query: str, tag: str, *, unit: str = "hit", color: str = "yellow",
             coder: str | None = None, dry_run: bool = False) -> AutocodeResult:
    """Run `autocode_steps` to the end; the counts of articles touched and annotations created."""
    result = AutocodeResult(query, tag.strip(), dry_run=dry_run)
    for step in autocode_steps(corpus, query, tag, unit=unit, color=color, coder=coder, dry_run=dry_run):
        result.articles, result.annotations = step.articles, step.annotations
        result.warnings += step.warnings
    return result
