"""One article: its source text as stored, metadata, and display text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..text import display_cache
from ..text.display import Display, build_display, display_line, without_headings
from ..text.normalize import MARKUP, DigitStyle, count_words, hazm_loaded
from .parse import NO_RULES, FolderRules, Parsed, parse
from .records import ArticleRecord
from ..text.textio import UnreadableArticle, read_text


@dataclass
class Article:
    """An article file read and parsed; `source_text` is the file exactly as stored."""

    id: str
    path: Path
    source_text: str
    encoding: str
    parsed: Parsed
    rules: FolderRules = NO_RULES  # the folder's repeated lines and the user's marks, applied in `parsed`
    _displays: dict[tuple[str, bool], Display] = field(default_factory=dict, repr=False)

    @property
    def title(self) -> str | None:
        return self.parsed.title

    @property
    def supertitle(self) -> str | None:
        return self.parsed.supertitle

    @property
    def source(self) -> str | None:
        """The source (news agency, site) as the file gives it."""
        return self.parsed.source

    @property
    def news_code(self) -> str | None:
        return self.parsed.news_code

    @property
    def published(self) -> str | None:
        return self.parsed.date.published_iso() if self.parsed.date else None

    @property
    def published_jalali(self) -> str | None:
        return self.parsed.date.published_jalali() if self.parsed.date else None

    def display(self, *, digits: DigitStyle = "fa", normalized: bool | None = None) -> Display:
        """Display text. `normalized=None`: the hazm level if cached or hazm is loaded, else quick."""
        if normalized is None:
            normalized = self.normalized_ready(digits) or hazm_loaded()
        key = (digits, normalized)
        if key not in self._displays:
            folder = self.rules.digest()
            shown = display_cache.load(self.source_text, digits, folder) if normalized else None
            if shown is None:
                shown = build_display(self.source_text, self.parsed, digits=digits, normalized=normalized)
                shown.fields = self._fields(normalized, digits)
                if normalized:
                    display_cache.save(self.source_text, digits, shown, folder)
            self._displays[key] = shown
        return self._displays[key]

    def normalized_ready(self, digits: DigitStyle = "fa") -> bool:
        """Tell whether the hazm level is at hand (in memory or in the disk cache) without building it."""
        if (digits, True) in self._displays:
            return True
        cached = display_cache.load(self.source_text, digits, self.rules.digest())
        if cached is not None:
            self._displays[(digits, True)] = cached
        return cached is not None

    def words(self) -> int:
        """Words of the display text, counted at the quick level (hazm's spacing fixes move it ~1 %).

        Counted on the kept source lines with markup removed, which gives the quick
        display's figure without building it (`list` stays fast on huge files).
        """
        src = self.source_text
        text = "\n".join(src[ln.start:ln.end] for ln in self.parsed.kept())
        if "<" in text or "&" in text:  # else MARKUP cannot match: the text as it is (C-speed tests)
            text = MARKUP.sub(" ", text)
        return count_words(text)

    def fields(self, *, normalized: bool = False, digits: DigitStyle = "fa") -> dict[str, str | None]:
        """Title, supertitle, lead and source normalised like the display text of that level.

        `list` uses the quick level (hazm stays off its path); `show`, whose text is at the
        hazm level, and a window header over the hazm display use `normalized=True`.
        """
        if normalized:  # from the hazm display (cached on disk with it: a second `show` needs no hazm)
            return dict(self.display(digits=digits, normalized=True).fields) or self._fields(True, digits)
        quick = self._displays.get((digits, False))  # made with the quick display, if it is
        return dict(quick.fields) if quick is not None and quick.fields else self._fields(False, digits)

    def _fields(self, normalized: bool, digits: DigitStyle) -> dict[str, str | None]:
        p = self.parsed
        raw = {"title": p.title, "supertitle": p.supertitle, "lead": p.lead, "source": p.source}
        return {k: display_line(v, digits=digits, normalized=normalized) or None if v else None
                for k, v in raw.items()}

    def metadata(self, file: str, annotations: int, *, normalized: bool = False) -> ArticleRecord:
        """The `list` record of DESIGN §6 (text fields at the quick display level unless `normalized`)."""
        shown = self.fields(normalized=normalized)
        return ArticleRecord(
            id=self.id, file=file, title=shown["title"], supertitle=shown["supertitle"], lead=shown["lead"],
            source=shown["source"], news_code=self.parsed.news_code, published=self.published,
            published_jalali=self.published_jalali, words=self.words(), annotations=annotations)

    def show_record(self, file: str, annotations: int, *, hidden: bool = False,
                    normalized: bool = True) -> dict[str, Any]:
        """The `show` record: metadata plus display text and body paragraphs (lead first), at hazm's
        level (`normalized`, said in the record) or the quick one.

        With `hidden`, also the source lines the clean view leaves out: `start`/`end` (file
        code points), `text` (as stored), `role`, `reason` and `at` (display position).
        """
        shown = self.display(normalized=normalized)
        body = [shown.text[q.start:q.end] for q in shown.paragraphs if q.role in ("lead", "body")]
        record = {**self.metadata(file, annotations, normalized=normalized).to_json(), "text": shown.text,
                  "paragraphs": body, "normalized": normalized}
        if hidden:
            record["hidden"] = [{"start": h.start, "end": h.end, "text": self.source_text[h.start:h.end],
                                 "role": h.role, "reason": h.reason, "at": h.at} for h in shown.hidden]
        return record


def load_article(path: Path, rules: FolderRules | None = None) -> Article:
    """Read, decode and parse one article; raises UnreadableArticle with a reason.

    `rules` default to those of the article's folder (core.folder_rules: lines repeated
    across its articles, lines the user marked), so the list, `show` and the window agree.
    """
    decoded = read_text(path)
    if rules is None:
        from .folder_rules import for_folder

        rules = for_folder(path.parent)
    parsed = parse(decoded.text, rules)
    parsed.warnings[:0] = decoded.warnings
    if not parsed.kept():
        raise UnreadableArticle("no article text (empty or only boilerplate)")
    return Article(path.stem, path, decoded.text, decoded.encoding, parsed, rules)


def preview_display(path: Path, chars: int, rules: FolderRules | None = None) -> Display | None:
    """The quick display of an article's beginning (about `chars` characters), without its headings:
    what a window shows while a long article is read and parsed whole. Positions are file positions
    (the beginning is a prefix of the file). None when the file is not longer than `chars`.

    Raises UnreadableArticle as `load_article` does."""
    text = read_text(path).text
    if len(text) <= chars:
        return None
    cut = text.find("\n", chars)
    if cut == -1 or cut > 2 * chars:  # one long line: its beginning, up to a space
        cut = text.rfind(" ", 0, chars) + 1 or chars
    if rules is None:
        from .folder_rules import for_folder

        rules = for_folder(path.parent)
    head = text[:cut]
    return without_headings(build_display(head, parse(head, rules), normalized=False))
