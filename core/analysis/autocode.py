"""Autocoding: tag every hit of a corpus search (docs/analysis.md).

Same query language as corpus search (`search.iter_article_hits`: letter variants, ZWNJ,
digits, endings). Each hit (or the sentence around it, `unit="sentence"`) becomes a
highlight tagged with the code, unless an annotation with that span and that tag is
already there, so running it again adds nothing. Writes go through the annotation
store's bulk path (`annotations/bulk.py`: per article the same lock, re-read and merge as
one save; one flush to disk per batch of articles). `autocode_steps` is a generator
yielding progress for each article once its batch is on disk, for the window's worker
thread; `created` of the steps lets it undo the run as one step (delete those ids).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..annotations.model import COLORS, Annotation, new_annotation
from ..files.atomic import bulk_saves
from ..annotations.coders import coder_set, made_by, with_coder
from ..search.search import ArticleHits, CorpusIndex, iter_article_hits
from ..text.sentences import sentence_spans
from ..annotations.sidecar import CorruptSidecar
from ..annotations.bulk import Job, save_batch
from ..annotations.store import AnnotationStore, Apply, StoreError
from ..text.textio import UnreadableArticle, read_text

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


WORKERS = 8  # articles prepared at once: each waits partly for the disk (lock, temporary file)
BATCH = 200  # articles flushed to disk together (`bulk.save_batch`); progress is told after each batch


@dataclass
class _ArticleText:
    """What a save needs of an article (parsing it for its title and date is not needed here)."""

    id: str
    path: Path
    source_text: str


def _code(store: AnnotationStore, found: list[ArticleHits], tag: str, unit: str, color: str, coder: str | None,
          dry_run: bool) -> Iterator[AutocodeStep]:
    from concurrent.futures import ThreadPoolExecutor

    articles = annotations = done = 0
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for first in range(0, len(found), BATCH):
            coded, error = _code_batch(store, found[first:first + BATCH], tag, unit, color, coder, dry_run, pool)
            for art_id, created, warnings in coded:
                done += 1
                if created:
                    articles += 1
                    annotations += len(created)
                yield AutocodeStep(done, len(found), art_id, articles, annotations, created, warnings)
            if error is not None:
                raise error  # the articles saved before it are told above (and stay saved)


def _code_batch(store: AnnotationStore, batch: list[ArticleHits], tag: str, unit: str, color: str,
                coder: str | None, dry_run: bool,
                pool: Executor) -> tuple[list[tuple[str, list[Annotation], list[str]]], StoreError | None]:
    """Code a batch of articles: per article saved (its id, the annotations created, warnings), and
    the first article that could not be saved, if any.

    Whether a span is coded already is decided under the sidecar's lock, against what is on
    disk then, so a run at the same time as another adds each annotation once.
    """
    plans = list(pool.map(lambda hits: _plan(store, hits, tag, unit, color, coder, dry_run), batch))
    if dry_run:
        return [(hits.id, plan[1], plan[2]) for hits, plan in zip(batch, plans, strict=True)], None
    jobs = [Job(*plan[0]) for plan in plans if plan[0] is not None]
    outcomes = iter(save_batch(store, jobs, pool))
    out: list[tuple[str, list[Annotation], list[str]]] = []
    error: StoreError | None = None
    for hits, (job, created, warnings) in zip(batch, plans, strict=True):
        if job is not None:
            outcome = next(outcomes)
            if isinstance(outcome, StoreError):
                error = error or outcome
                continue
            warnings = warnings + outcome
        out.append((hits.id, created, warnings))
    return out, error


Plan = tuple[tuple[_ArticleText, Apply] | None, list[Annotation], list[str]]


def _plan(store: AnnotationStore, hits: ArticleHits, tag: str, unit: str, color: str, coder: str | None,
          dry_run: bool) -> Plan:
    """(the article and its change, or None; the annotations it adds; warnings) for one article."""
    path = store.corpus / f"{hits.id}.txt"
    article = _ArticleText(hits.id, path, hits.text)
    try:
        existing = store.stored(article).annotations  # parsed once: the save under the lock reuses it
    except (CorruptSidecar, OSError, RecursionError) as exc:
        return None, [], [f"{hits.id}: its annotations cannot be read ({exc}); nothing was added there"]
    mine = _theirs(coder)
    have = {(a.start, a.end) for a in existing if tag in a.tags and mine(a)}
    spans = [s for s in unit_spans(hits.text, list(hits.spans), unit) if s not in have]
    if not spans:
        return None, [], []
    new = [with_coder(new_annotation(hits.id, hits.text, s, e, color, tags=[tag]), coder) for s, e in spans]
    if dry_run:
        return None, new, []
    try:
        unchanged = read_text(path).text == hits.text
    except UnreadableArticle:
        unchanged = False
    if not unchanged:
        return None, [], [f"{hits.id} changed while coding; skipped (run again)"]
    created: list[Annotation] = []  # filled under the lock: what was not there yet

    def add_new(by_id: dict[str, Annotation], notes: list[str]) -> None:
        there = {(a.start, a.end) for a in by_id.values() if tag in a.tags and mine(a)}
        created[:] = [a for a in new if (a.start, a.end) not in there]
        by_id.update((a.id, a) for a in created)

    return (article, add_new), created, []


def _theirs(coder: str | None) -> Callable[[Annotation], bool]:
    """Which annotations already there count as this run's: with a coder, that coder's only (another
    coder's coding of the same span is theirs; agreement compares the two); without, any."""
    if coder is None or not coder.strip():
        return lambda _a: True
    wanted = coder_set([coder])
    return lambda a: made_by(a, wanted)


def autocode(corpus: Path, query: str, tag: str, *, unit: str = "hit", color: str = "yellow",
             coder: str | None = None, dry_run: bool = False) -> AutocodeResult:
    """Run `autocode_steps` to the end; the counts of articles touched and annotations created."""
    result = AutocodeResult(query, tag.strip(), dry_run=dry_run)
    for step in autocode_steps(corpus, query, tag, unit=unit, color=color, coder=coder, dry_run=dry_run):
        result.articles, result.annotations = step.articles, step.annotations
        result.warnings += step.warnings
    return result
