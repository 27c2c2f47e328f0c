"""Agreement between coders: per code and overall (docs/analysis.md defines every figure).

Units are the sentences (`sentences.sentence_spans`), paragraphs (non-empty lines) or
whole texts of the articles in which at least one of the coders made an annotation, in
code points of the file as stored. A unit counts as coded T by a coder when one of that
coder's annotations tagged T overlaps it (positions as stored in the sidecar).

Two coders: for each code the 2×2 table (both, a_only, b_only, neither), percent
agreement and Cohen's kappa. More coders: Krippendorff's alpha (nominal, coded / not
coded). `overall` pools the tables of all codes. A figure that is undefined (no units,
or chance agreement 1) is None (`null` in JSON).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..annotations.coders import coder_key
from .coded import iter_records
from .file_cache import FileCache, signature_of
from ..files.safe_read import MAX_ARTICLE_BYTES, UnsafeFile, read_bounded
from ..text.sentences import sentence_spans
from ..text.textio import UnreadableArticle, read_text

UNITS = ("sentence", "paragraph", "article")
_LINE = re.compile(r"[^\n\r]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line, without surrounding spaces."""
    out = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def unit_spans(text: str, unit: str) -> list[tuple[int, int]]:
    if unit == "sentence":
        return sentence_spans(text)
    if unit == "paragraph":
        return paragraph_spans(text)
    if unit == "article":
        return [(0, len(text))] if text.strip() else []
    raise ValueError(f"unknown unit {unit!r} (one of {', '.join(UNITS)})")


def kappa(both: int, a_only: int, b_only: int, neither: int) -> float | None:
    """Cohen's kappa of a 2×2 table; None when undefined (no units, or chance agreement 1)."""
    n = both + a_only + b_only + neither
    if n == 0:
        return None
    po = (both + neither) / n
    pa, pb = (both + a_only) / n, (both + b_only) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe >= 1:
        return None
    return (po - pe) / (1 - pe)


def percent(agree: int, units: int) -> float | None:
    return None if units == 0 else 100 * agree / units


def alpha_binary(per_unit: list[int], coders: int) -> float | None:
    """Krippendorff's alpha (nominal) for coded/not coded; `per_unit[i]` coders coded unit i.

    Every coder judges every unit (no missing values). None when undefined (fewer than two
    coders or units, or only one value used).
    """
    return _alpha(len(per_unit), sum(per_unit), sum(k * (coders - k) for k in per_unit), coders)


def _alpha(units: int, coded: int, mixed: int, coders: int) -> float | None:
    """`alpha_binary` from its sums: units, codings (Σk) and Σk·(coders−k) over the units."""
    if coders < 2 or not units:
        return None
    n = coders * units
    n1 = coded
    n0 = n - n1
    if n0 == 0 or n1 == 0:
        return None
    o01 = mixed / (coders - 1)  # coincidences of 0 with 1
    return 1 - (n - 1) * o01 / (n0 * n1)


@dataclass
class Disagreement:
    """A unit coded with `code` by some coders but not all: where, and by whom."""

    article: str
    start: int
    end: int
    code: str
    coded_by: list[str]


@dataclass
class CodeAgreement:
    both: int = 0  # two coders: coded by both; more: by all
    a_only: int = 0
    b_only: int = 0
    neither: int = 0
    per_coder: list[int] = field(default_factory=list)  # units each coder coded
    alpha: float | None = None
    # Sums over the units for alpha: units, codings (Σk, k coders coded a unit), Σk·(coders−k).
    _sums: list[int] = field(default_factory=lambda: [0, 0, 0], repr=False)

    def to_json(self, coders: int, units: int) -> dict[str, Any]:
        if coders == 2:
            return {"both": self.both, "a_only": self.a_only, "b_only": self.b_only, "neither": self.neither,
                    "percent": _round(percent(self.both + self.neither, units)),
                    "kappa": _round(kappa(self.both, self.a_only, self.b_only, self.neither))}
        return {"all": self.both, "none": self.neither, "coded": self.per_coder,
                "percent": _round(percent(self.both + self.neither, units)), "alpha": _round(self.alpha)}


@dataclass
class AgreementResult:
    coders: list[str]
    unit: str
    units: int
    codes: dict[str, CodeAgreement]
    overall: CodeAgreement
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        n = len(self.coders)
        return {"coders": self.coders, "unit": self.unit, "units": self.units,
                "codes": {c: a.to_json(n, self.units) for c, a in sorted(self.codes.items())},
                "overall": self.overall.to_json(n, self.units * len(self.codes))}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _covered(units: list[tuple[int, int]], starts: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the units that one of `spans` overlaps (units sorted, not overlapping)."""
    ends = [e for _s, e in units]
    out: set[int] = set()
    for s, e in spans:
        if e <= s:
            continue
        lo = bisect_right(ends, s)  # first unit ending after s
        hi = bisect_left(starts, e)  # units starting before e
        out.update(range(lo, hi))
    return out


def agreement(corpus: Path, coders: list[str], *, tags: list[str] | None = None,
              unit: str = "sentence", articles: Container[str] | None = None) -> AgreementResult:
    """Agreement of `coders` (names as recorded in the W3C creator) on each code; see the module doc.

    `articles` (ids), when given, keeps the others out (the window's list filters)."""
    if len(coders) < 2:
        raise ValueError("give at least two coders")
    if len({coder_key(c) for c in coders}) != len(coders):
        raise ValueError("the coders must be different")
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r} (one of {', '.join(UNITS)})")
    wanted = {coder_key(c): i for i, c in enumerate(coders)}
    # article → coder index → tag → spans
    by_article: dict[str, list[dict[str, list[tuple[int, int]]]]] = {}
    seen_tags: set[str] = set()
    for art, records in iter_records(Path(corpus)):
        if articles is not None and art not in articles:
            continue
        for start, end, ann_tags, names in records:
            who = _coder_index(names, wanted)
            if who is None:
                continue
            slots = by_article.setdefault(art, [{} for _ in coders])
            for t in ann_tags:
                if tags and t not in tags:
                    continue
                seen_tags.add(t)
                slots[who].setdefault(t, []).append((start, end))
    codes = list(tags) if tags else sorted(seen_tags)
    result = AgreementResult(list(coders), unit, 0, {c: CodeAgreement(per_coder=[0] * len(coders)) for c in codes},
                             CodeAgreement(per_coder=[0] * len(coders)))
    m = len(coders)
    units_of = _UnitSpans(Path(corpus), unit)
    for art in sorted(by_article):
        units = units_of.get(art)
        if units is None:
            continue
        starts = [s for s, _e in units]
        result.units += len(units)
        slots = by_article[art]
        for code in codes:
            covered = [_covered(units, starts, slots[i].get(code, [])) for i in range(m)]
            agg = result.codes[code]
            touched: dict[int, list[str]] = {}
            for i, cov in enumerate(covered):
                agg.per_coder[i] += len(cov)
                for u in cov:
                    touched.setdefault(u, []).append(coders[i])
            full = sum(1 for names in touched.values() if len(names) == m)
            if m == 2:
                agg.a_only += len(covered[0] - covered[1])
                agg.b_only += len(covered[1] - covered[0])
            agg.both += full
            agg.neither += len(units) - len(touched)
            ks = [len(names) for names in touched.values()]
            agg._sums[0] += len(units)
            agg._sums[1] += sum(ks)
            agg._sums[2] += sum(k * (m - k) for k in ks)
            for u, names in sorted(touched.items()):
                if len(names) < m:
                    result.disagreements.append(Disagreement(art, units[u][0], units[u][1], code, names))
    total = result.overall
    for agg in result.codes.values():
        agg.alpha = _alpha(agg._sums[0], agg._sums[1], agg._sums[2], m)
        total.both += agg.both
        total.a_only += agg.a_only
        total.b_only += agg.b_only
        total.neither += agg.neither
        total.per_coder = [x + y for x, y in zip(total.per_coder, agg.per_coder, strict=True)]
        total._sums = [x + y for x, y in zip(total._sums, agg._sums, strict=True)]
    total.alpha = _alpha(total._sums[0], total._sums[1], total._sums[2], m)
    units_of.cache.save()
    return result




def coders_and_codes(corpus: Path) -> tuple[list[str], list[str]]:
    """The coders (each name once, ignoring case and repeated spaces) and the codes of a folder's
    annotations, each sorted: what an agreement can be asked about."""
    coders: dict[str, str] = {}
    codes: set[str] = set()
    for _art, records in iter_records(Path(corpus)):
        for _s, _e, tags, names in records:
            codes.update(tags)
            for name in names:
                coders.setdefault(coder_key(name), " ".join(name.split()))
    return sorted(coders.values(), key=str.casefold), sorted(codes)


class _UnitSpans:
    """The units of each article, from the cache while the article file is unchanged."""

    def __init__(self, corpus: Path, unit: str) -> None:
        self.corpus, self.unit = corpus, unit
        self.cache = FileCache(f"agreement-{unit}", corpus)

    def get(self, art: str) -> list[tuple[int, int]] | None:
        path = self.corpus / f"{art}.txt"
        try:
            sig = signature_of(os.stat(path))
        except OSError:
            return None
        flat = self.cache.get(path.name, sig)
        if isinstance(flat, list):
            return list(zip(flat[::2], flat[1::2], strict=True))
        text = _text(path)
        if text is None:
            return None
        units = unit_spans(text, self.unit)
        self.cache.put(path.name, sig, [x for span in units for x in span])
        return units


def _text(path: Path) -> str | None:
    """The article's text as stored: plain UTF-8 read directly, anything else by the full decoder."""
    try:
        data = read_bounded(path, MAX_ARTICLE_BYTES)
    except (OSError, UnsafeFile):
        return None
    try:
        if not data.startswith(b"\xef\xbb\xbf") and b"\x00" not in data:
            return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return read_text(path).text
    except (UnreadableArticle, OSError):
        return None


def _coder_index(names: list[str], wanted: dict[str, int]) -> int | None:
    for name in names:
        i = wanted.get(coder_key(name))
        if i is not None:
            return i
    return None
