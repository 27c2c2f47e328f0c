"""A corpus whose articles are stored in every way QDA exchange must survive, and the highlights made on it.

From the seeds: one article as is, one with CRLF line ends, one UTF-8 with a BOM, one UTF-16,
one with emoji (a flag and a skin-tone sequence). `plan` gives the highlights (span, colour,
note, tags) made on each; `tests/data/qualcoder/` holds what QualCoder made of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hashiye.core.annotations.model import Annotation, new_annotation
from hashiye.core.corpus.article import load_article

COLORS = ["yellow", "green", "blue", "pink", "purple"]


def build(seeds: Path, out: Path) -> list[Path]:
    """Write the five articles into `out` (created); return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, f in enumerate(sorted(seeds.glob("*.txt"))[:5]):
        text = f.read_text("utf-8")
        target = out / f.name
        if i == 1:
            target.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        elif i == 2:
            target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        elif i == 3:
            target.write_bytes(text.encode("utf-16"))
        elif i == 4:
            lines = text.split("\n")
            k = max(range(len(lines)), key=lambda j: len(lines[j]))
            words = lines[k].split(" ")
            words.insert(3, "😀🇮🇷")
            words.insert(9, "👍🏽")
            lines[k] = " ".join(words)
            target.write_text("\n".join(lines), "utf-8")
        else:
            shutil.copy(f, target)
        paths.append(target)
    return paths


def plan(path: Path, i: int) -> list[Annotation]:
    """The highlights made on the i-th article: a noted and tagged one, one across a line end, a noted
    untagged one, and one over emoji where there are some."""
    art = load_article(path)
    t = art.source_text
    kept = [ln for ln in art.parsed.kept() if ln.end - ln.start > 60]
    a, b, c = kept[0], kept[1], kept[-1]
    nxt = t.index("\n", b.end) + 1 if "\n" in t[b.end:] else b.end
    anns = [
        new_annotation(art.id, t, a.start + 5, a.start + 45, COLORS[i % 5],
                       note=f"یادداشت {i}: مهم است & <نکته> \"گیومه\"\nخط دوم", tags=["بهزیستی", f"برچسب {i}"]),
        new_annotation(art.id, t, b.end - 20, min(len(t), nxt + 15), COLORS[(i + 2) % 5], tags=["مدیران"]),
        new_annotation(art.id, t, c.start, c.start + 30, COLORS[(i + 4) % 5], note="بدون برچسب"),
    ]
    if "😀" in t:
        s = t.index("😀") - 6
        anns.append(new_annotation(art.id, t, s, s + 20, "pink", note="emoji 😀", tags=["شکلک"]))
    return anns
