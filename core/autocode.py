"""Autocoding: tag every hit of a corpus search (docs/analysis.md).

Same query language as corpus search (`search.iter_article_hits`: letter variants, ZWNJ,
digits, endings). Each hit (or the sentence around it, `unit="sentence"`) becomes a
highlight tagged with the code, unless an annotation with that span and that tag is
already there, so running it again adds nothing. Writes go through the annotation store,
one save per article. `autocode_steps` is a generator yielding progress after each
article, for the window's worker thread; `created` of the steps lets it undo the run as
one step (delete those ids).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .annotations import COLORS, Annotation, new_annotation
from .atomic import bulk_saves
from .coders import with_coder
from .search import ArticleHits, CorpusIndex, iter_article_hits
from .sentences import sentence_spans
from .sidecar import CorruptSidecar, read_sidecar
from .store import AnnotationStore

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


def _code(store: AnnotationStore, found: list[ArticleHits], tag: str, unit: str, color: str, coder: str | None,
          dry_run: bool) -> Iterator[AutocodeStep]:
    from .article import load_article

    corpus = store.corpus
    articles = annotations = 0
    for done, hits in enumerate(found, 1):
        path = Path(corpus) / f"{hits.id}.txt"
        try:
            existing = read_sidecar(path).annotations
        except (CorruptSidecar, OSError, RecursionError) as exc:
            yield AutocodeStep(done, len(found), hits.id, articles, annotations, warnings=[
                f"{hits.id}: its annotations cannot be read ({exc}); nothing was added there"])
            continue
        have = {(a.start, a.end) for a in existing if tag in a.tags}
        spans = [s for s in unit_spans(hits.text, list(hits.spans), unit) if s not in have]
        created: list[Annotation] = []
        warnings: list[str] = []
        if spans:
            new = [with_coder(new_annotation(hits.id, hits.text, s, e, color, tags=[tag]), coder)
                   for s, e in spans]
            if not dry_run:
                art = load_article(path)
                if art.source_text != hits.text:
                    warnings.append(f"{hits.id} changed while coding; skipped (run again)")
                    new = []
                else:
                    store.load(art)
                    warnings += store.save_change(art, upsert=new).warnings
            created = new
            if created:
                articles += 1
                annotations += len(created)
        yield AutocodeStep(done, len(found), hits.id, articles, annotations, created, warnings)


def autocode(corpus: Path, query: str, tag: str, *, unit: str = "hit", color: str = "yellow",
             coder: str | None = None, dry_run: bool = False) -> AutocodeResult:
    """Run `autocode_steps` to the end; the counts of articles touched and annotations created."""
    result = AutocodeResult(query, tag.strip(), dry_run=dry_run)
    for step in autocode_steps(corpus, query, tag, unit=unit, color=color, coder=coder, dry_run=dry_run):
        result.articles, result.annotations = step.articles, step.annotations
        result.warnings += step.warnings
    return result
