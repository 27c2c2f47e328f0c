"""Read a Persian news page saved as text: which line is title, lead, body or boilerplate.

Rules are written for news sites in general, not for the five seeds (DESIGN §3):

- Lines that are page furniture wherever they stand (core.boilerplate) are dropped.
- The **header** (navigation, date, news code, supertitle, title, lead) ends where the
  body starts: the «به گزارش X،» / «به نقل از X» line near the top, else the first
  long paragraph after the header's title (that paragraph is then the lead).
- In the header: the **title** is the title-like line nearest above the lead or body
  (site names and section labels higher up are not); a line repeated (a title printed
  twice) is shown once; the **supertitle** is the line just above the title; the
  **lead** is the long paragraph before the body. The **date** is the header's
  publication date (a line labelled «تاریخ انتشار» wins), never the page's «امروز»
  line nor a date in the body; a time on the next line counts.
- The **footer** starts at a comment, share, tags, «انتهای پیام» or "read also" block.
- The **source** is X of «به گزارش X،» (without «خبرنگار», «گروه …»), or the agency of
  an IRNA-style dateline «سمنان- ایرنا- …», or a «منبع: X» line.

This module places the lines; `lines` splits a file into lines (and holds the folder's
verdicts), `line_kinds` tells what one line is by itself (date, time, news code, title-like,
lead-like), and `sources` reads the outlet from credits and datelines.
"""


from __future__ import annotations

import re
from dataclasses import dataclass, field

from .boilerplate import (
    SOURCE_LABEL,
    clean,
    is_boilerplate,
    is_footer_marker,
    is_read_more,
    is_section_label,
    is_short_heading,
    key,
    label_of,
    match_key,
    words,
)
from .line_kinds import (
    PUBLISHED_LABEL,
    code_of,
    date_kind,
    date_of,
    date_rank,
    is_date_line,
    is_labelled_date,
    is_lead_like,
    is_time_line,
    is_title_like,
    residue,
    stamp_free,
)
from .lines import NO_RULES, FolderRules, Line, Role, split_lines, tidy, unwrap
from .sources import (
    AGENCY_WORD,
    CREDIT_HEAD,
    CREDIT_TAIL,
    SOURCE_OPENING,
    URL_CREDIT,
    breadcrumb_head,
    credit_of,
    first_part,
    outlet_of_address,
    source_of,
    source_inside,
    without_credit,
)
from ..text.jalali import FoundDate

__all__ = ["HIDDEN_CONTENT", "NO_RULES", "FolderRules", "Line", "Parsed", "Role", "parse", "split_lines", "tidy",
           "unwrap"]

SOURCE_DEPTH = 3  # body paragraphs read for «به گزارش X»: an outlet quoted deeper is not the source


@dataclass
class Parsed:
    """Everything read from one article's source text."""

    lines: list[Line]
    title: str | None = None
    supertitle: str | None = None
    lead: str | None = None
    source: str | None = None
    news_code: str | None = None
    date: FoundDate | None = None
    warnings: list[str] = field(default_factory=list)
    header_credit: str | None = None
    site_name: str | None = None  # the head of a header breadcrumb: the source of last resort

    def kept(self) -> list[Line]:
        """Lines shown in the display text, in source order."""
        return [ln for ln in self.lines if ln.role in ("supertitle", "title", "lead", "body")]


def parse(text: str, rules: FolderRules = NO_RULES) -> Parsed:
    """Classify every line of an article and extract its metadata."""
    p = Parsed(unwrap(text, split_lines(text)))
    lines = p.lines
    verdicts = {i: v for i, ln in enumerate(lines) if ln.text.strip() and (v := rules.verdict(ln.text))}
    body_start = _find_body_start(lines, verdicts)
    _read_header(p, lines[:body_start], verdicts)
    _read_body(p, lines[body_start:], verdicts, body_start)
    if p.title is None:
        p.title = _title_from(p)
    for i, v in verdicts.items():  # the user's word and the folder's evidence come last
        ln = lines[i]
        if v == "keep" and ln.role in HIDDEN_CONTENT:
            ln.role, ln.reason = "body", "marked not furniture"
        elif v in ("marked", "repeated") and ln.role not in ("title", "blank"):
            if ln.role in ("body", "lead", "supertitle"):
                ln.role = "boilerplate"
            ln.reason = "marked furniture" if v == "marked" else "repeated in folder"
    return p


HEADER_MAX = 300  # lines: where a page's header can end, however long the file
HIDDEN_CONTENT = ("boilerplate", "date", "code", "duplicate", "footer")


def _is_furniture(ln: Line, verdicts: dict[int, str], i: int) -> bool:
    v = verdicts.get(i)
    if v == "keep":
        return False
    return v in ("marked", "repeated") or is_boilerplate(ln.text)


def _find_body_start(lines: list[Line], verdicts: dict[int, str]) -> int:
    """Index of the first body line: «به گزارش …» near the top, else after the lead."""
    limit = min(max(40, len(lines) // 2), HEADER_MAX)
    meta = [i for i, ln in enumerate(lines[:limit]) if code_of(ln.text) or is_date_line(ln.text)]
    last_meta = max(meta, default=-1)
    longs = 0
    for i, ln in enumerate(lines[:limit]):
        c = clean(ln.text)
        if SOURCE_OPENING.match(c):
            return i
        if i > last_meta and is_lead_like(ln.text) and words(c) >= 12:
            longs += 1
            if longs > 2:  # the article has begun: a later «به گزارش» is the body's
                break
    # No source line: the lead is the first long paragraph after the header's date and
    # code lines that the article goes on from (a long paragraph followed by a short
    # title line and more text is a teaser of another story).
    content = [i for i, ln in enumerate(lines[:limit]) if ln.text.strip() and not _is_furniture(ln, verdicts, i)
               and not is_footer_marker(ln.text) and not code_of(ln.text) and not is_date_line(ln.text)]
    for n, i in enumerate(content):
        if i <= last_meta or not is_lead_like(lines[i].text):
            continue
        following = content[n + 1:n + 3]
        teaser = (len(following) == 2 and clean(lines[i].text).endswith(("…", "..."))
                  and is_title_like(lines[following[0]].text)
                  and not is_lead_like(lines[following[0]].text) and is_lead_like(lines[following[1]].text)
                  and key(lines[following[0]].text) != key(lines[i].text))
        if teaser:
            continue
        return i + 1
    return last_meta + 1


def _read_header(p: Parsed, header: list[Line], verdicts: dict[int, str]) -> None:
    candidates: list[Line] = []
    dates: list[tuple[int, int, FoundDate]] = []  # (rank, line index, date)
    stamped: list[tuple[int, FoundDate]] = []
    credits: list[str] = []
    for i, ln in enumerate(header):
        code = code_of(ln.text)
        kind = date_kind(ln.text)
        if not ln.text.strip():
            ln.role = "blank"
        elif code or kind == "date":
            ln.role = "code" if code else "date"
            p.news_code = p.news_code or code
            found = date_of(ln.text, header[i + 1:i + 3])
            if found and (kind == "date" or code):
                dates.append((date_rank(ln.text, found), i, found))
            if kind == "date" and found:
                credit = credit_of(residue(clean(ln.text), found))
                if credit:
                    credits.append(credit)
        elif is_time_line(ln.text):
            ln.role = "date"
        elif verdicts.get(i) != "keep" and (_is_furniture(ln, verdicts, i) or is_footer_marker(ln.text)):
            ln.role = "boilerplate"
            c = clean(ln.text)
            credit = credit_of(first_part(c)) if AGENCY_WORD.match(c) or URL_CREDIT.match(c) else None
            if credit:
                credits.append(credit)
        else:
            if kind == "stamped":
                found = date_of(ln.text, [])
                if found:
                    stamped.append((i, found))
            credit = credit_of(clean(ln.text)) if AGENCY_WORD.match(clean(ln.text)) or \
                CREDIT_TAIL.search(clean(ln.text)) else None
            if credit:
                ln.role = "boilerplate"
                credits.append(credit)
                continue
            candidates.append(ln)
    meta_keys = [key(ln.text) for ln in header if ln.role in ("date", "code")]
    for ln in list(candidates):
        k = key(ln.text)
        if words(k) <= 4 and any(k in m for m in meta_keys):  # the writer's name, printed again in the byline:
            ln.role = "body"  # shown, but never the title
            candidates.remove(ln)
    _assign_header_roles(p, header, candidates)
    title_at = next((i for i, ln in enumerate(header) if ln.role == "title"), len(header))
    if dates:
        # The publication date: a labelled one first, then the one nearest the title (a
        # page's "today" banner stands further up, often with a Gregorian date beside it).
        _set_date(p, min(dates, key=lambda d: (d[0], abs(d[1] - title_at)))[2])
    elif stamped:
        _set_date(p, stamped[0][1])
    p.header_credit = credits[0] if credits else None
    p.site_name = next((name for ln in header if (name := breadcrumb_head(ln.text))), None)


def _set_date(p: Parsed, found: FoundDate | None) -> None:
    p.date = found
    if found and found.warning:
        p.warnings.append(found.warning)


def _assign_header_roles(p: Parsed, header: list[Line], candidates: list[Line]) -> None:
    first_seen: dict[str, Line] = {}
    for ln in candidates:
        k = key(stamp_free(ln.text))
        if k in first_seen:
            ln.role, ln.reason = "duplicate", "printed twice"
        else:
            first_seen[k] = ln
            ln.role = "header"
    for ln in candidates:  # a summary cut with «…» of a paragraph printed in full below it
        c = key(ln.text)
        if ln.role == "header" and c.endswith(("…", "...")):
            stem = c.rstrip("….").strip()
            if len(stem) >= 40 and any(o is not ln and key(o.text).startswith(stem) for o in candidates):
                ln.role, ln.reason = "duplicate", "printed twice"
    unique = [ln for ln in candidates if ln.role == "header"]
    lead = next((ln for ln in reversed(unique) if is_lead_like(ln.text)), None)
    if lead is not None:
        lead.role, p.lead = "lead", tidy(lead.text)
    above = [ln for ln in candidates if lead is None or ln.start < lead.start]
    title = next((ln for ln in reversed(above) if ln.role in ("header", "duplicate")
                  and is_title_like(stamp_free(ln.text)) and not is_section_label(ln.text)), None)
    if title is not None:
        title = first_seen[key(stamp_free(title.text))]  # a title printed twice: the first copy is the title
        title.role, p.title = "title", _title_text(title.text)
        _promote_supertitle(p, header, title)
        _standfirst(p, header, title, lead)
    title_start = title.start if title is not None else -1
    for ln in candidates:
        if ln.role != "header":
            continue
        c = clean(ln.text)
        if ln.start > title_start >= 0 and words(c) >= 12 and not c.endswith(("…", "...")):
            ln.role = "body"  # text under the title (a summary, a credit with the story's start)
        else:  # leftover header lines: site names, sections, teasers
            ln.role, ln.reason = "boilerplate", "page header"


_BROWSER_TITLE = re.compile(r"^(?:خبر|عنوان|مطلب)\s*[:：]\s*(?P<t>.+?)(?:\s+[-|–—]\s+(?P<site>[^-|–—]{2,30}))?$")


def _title_text(text: str) -> str:
    """The title of a title line: no date stamp, no browser-title frame «خبر : T - سایت»."""
    t = tidy(stamp_free(text))
    m = _BROWSER_TITLE.match(t)
    if m and (m["site"] is None or words(m["site"]) <= 3):
        t = m["t"].strip()
    return t


def _standfirst(p: Parsed, header: list[Line], title: Line, lead: Line | None) -> None:
    """Text lines between the title and the lead (a standfirst, a short intro) stay text."""
    if lead is None:
        return
    for ln in header[header.index(title) + 1:header.index(lead)]:
        if ln.role == "header" and words(clean(ln.text)) >= 6 and not is_boilerplate(ln.text):
            ln.role = "body"


def _promote_supertitle(p: Parsed, header: list[Line], title: Line) -> None:
    """The supertitle (روتیتر) is the short line right above the title."""
    idx = header.index(title)
    for ln in reversed(header[:idx]):
        if ln.role == "blank":
            continue
        c = clean(ln.text)
        if ln.role == "header" and words(c) >= 2 and len(c) <= 160 and not AGENCY_WORD.match(c) \
                and not is_section_label(c) and not is_lead_like(c) and not c.endswith(("…", "...")):
            ln.role, p.supertitle = "supertitle", tidy(ln.text).rstrip(":： ")
        return


def _read_body(p: Parsed, body: list[Line], verdicts: dict[int, str], offset: int) -> None:
    header_keys = {match_key(t) for t in (p.title, p.lead, p.supertitle) if t}
    in_footer = False
    in_read_more = False
    labelled_source: str | None = None
    paragraphs = 0
    firsts: list[str] = [p.lead] if p.lead else []
    credit_lines: list[str] = []
    for j, ln in enumerate(body):
        i = offset + j
        if not ln.text.strip():
            ln.role = "blank"
            continue
        lab = label_of(ln.text)
        if lab and lab[0] == SOURCE_LABEL and words(lab[1]) <= 6:
            labelled_source = labelled_source or lab[1] or None
        code = code_of(ln.text)
        n = words(clean(ln.text))
        keep = verdicts.get(i) == "keep"
        if code and n <= 6:
            ln.role, p.news_code = "code", p.news_code or code
        elif in_footer and not keep:
            ln.role, ln.reason = "boilerplate", "after the article's end"
            if p.date is None and is_labelled_date(ln.text) and PUBLISHED_LABEL.search(ln.text):
                _set_date(p, date_of(ln.text, []))
        elif is_read_more(ln.text) and not keep:
            in_read_more, ln.role, ln.reason = True, "boilerplate", "read-more link"
        elif in_read_more and not keep and not (is_lead_like(ln.text) and n >= 12):
            ln.role, ln.reason = "boilerplate", "read-more link"
        elif is_footer_marker(ln.text) and not keep:
            in_footer, ln.role, ln.reason = True, "boilerplate", "article end"
        elif is_labelled_date(ln.text):
            in_read_more = False
            ln.role = "date"
            if p.date is None and PUBLISHED_LABEL.search(ln.text):
                _set_date(p, date_of(ln.text, []))
        elif not keep and n <= 5 and AGENCY_WORD.match(clean(ln.text)) and credit_of(first_part(ln.text)):
            ln.role, ln.reason = "boilerplate", "credit line"  # «خبرگزاری تابناک», «پایگاه X / نویسنده»
            credit_lines.append(first_part(ln.text))
        elif not keep and (_is_furniture(ln, verdicts, i) or _is_body_label(ln.text)):
            ln.role = "boilerplate"
        elif key(ln.text) in header_keys:
            ln.role, ln.reason = "duplicate", "printed twice"
        else:
            in_read_more = False
            ln.role = "body"
            if paragraphs < SOURCE_DEPTH:
                firsts.append(ln.text)
            if n >= 12:  # subheads and short lines do not count towards the depth
                paragraphs += 1
    # The outlet: a credit opening one of the first paragraphs, then «به گزارش X» inside
    # them, then a credit line in the header or under the text, then a «منبع:» label.
    found = next((src for find in (source_of, source_inside) for text in firsts if (src := find(text))), None)
    p.source = found or p.header_credit or \
        (credit_lines[0] if credit_lines else None) or outlet_of_address(labelled_source) or p.site_name
    if p.source:
        p.source = p.source.strip(" -–—:،,؛")


def _is_body_label(text: str) -> bool:
    """A one- or two-word "label:" line in the body that is a menu heading, not a subhead.

    A subhead («سرطان :») is followed by text; a menu heading («خبرهای داغ:») is a known phrase.
    """
    return is_short_heading(text) and (is_boilerplate(text.rstrip(":： ")) or is_section_label(text))


TITLE_MAX = 120
_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s")


def _title_from(p: Parsed) -> str | None:
    """A title for a file without one: the lead's (or first paragraph's) first sentence.

    A credit at its head («به گزارش ایسنا،», «تهران- ایرنا-», «آفتاب‌نیوز:») is left out,
    and a long sentence is cut at a word boundary, never inside a word.
    """
    texts = ([p.lead] if p.lead else []) + [tidy(ln.text) for ln in p.lines if ln.role == "body"]
    texts = [without_credit(t.strip()) for t in texts]
    text = next((t for t in texts if words(t) >= 4 and not CREDIT_HEAD.match(t)), texts[0] if texts else None)
    if not text:
        return None
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    sentence = sentence.rstrip(".!؟? ")
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX - 1]
    if not sentence[TITLE_MAX - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip("،,؛: ") + "…"
