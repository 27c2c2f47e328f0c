"""Generate a corpus of N articles recombined from the seeds' paragraphs (for benchmarks).

Each article gets a title, sometimes a supertitle, a Jalali date line (Persian or Latin
digits), a news code, «به گزارش <source>،» and 4–10 paragraphs of 2–6 clauses drawn
from the seeds' sentences, and mentions one to three of 3,000 made-up place names (so
rare words exist as well as the seeds' frequent ones).
Spellings vary as on real sites: Arabic ي/ك, ZWNJ written as a space or left out,
Latin or Arabic-Indic digits, tatweel, an occasional diacritic. Deterministic for a
given --seed. Writes `NNNNNN_<hex>.txt` files; nothing else.

    .venv/bin/python bench/gen_corpus.py 10000 /tmp/hashiye-bench/c10000
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from hashiye.core.corpus.corpus import iter_articles

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SOURCES = ["ایسنا", "ایرنا", "خبرگزاری فارس", "خبرگزاری مهر", "تسنیم", "پایگاه خبری عصرتوس",
           "خبرگزاری صدا و سیما", "همشهری آنلاین", "روزنامه اطلاعات", "خبرآنلاین"]
MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
          "دی", "بهمن", "اسفند"]
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ZWNJ = "\u200c"


SYLLABLES = ["کا", "ده", "سر", "آب", "شه", "رود", "مه", "نو", "گل", "بن", "دشت", "کو", "لا", "زار",
             "خو", "بید", "ور", "ام", "تا", "جان"]


def place_names(rnd: random.Random, count: int = 3000) -> list[str]:
    """Made-up village names («روستای گلدشتبید»): rare words to search for."""
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))))
    return sorted(names)


def clauses_of(paragraphs: list[str]) -> list[str]:
    """The seeds' paragraphs cut at sentence and clause punctuation."""
    out = []
    for p in paragraphs:
        out.extend(c.strip() for c in re.split(r"[.،؛:!؟]", p) if len(c.strip()) > 15)
    return out


def seed_material() -> tuple[list[str], list[str]]:
    """Body paragraphs and title lines of the seeds."""
    paragraphs: list[str] = []
    titles: list[str] = []
    for art in iter_articles(SEEDS):
        text = art.source_text
        for line in art.parsed.lines:
            chunk = text[line.start:line.end].strip()
            if line.role in ("body", "lead") and len(chunk) > 40:
                paragraphs.append(chunk)
            elif line.role in ("title", "supertitle") and chunk:
                titles.append(chunk)
    return paragraphs, titles


def vary(text: str, rnd: random.Random) -> str:
    """Spell a paragraph as another site might."""
    if rnd.random() < 0.25:
        text = text.replace("ی", "ي").replace("ک", "ك")
    r = rnd.random()
    if r < 0.25:
        text = text.replace(ZWNJ, " ")
    elif r < 0.35:
        text = text.replace(ZWNJ, "")
    elif r < 0.5:
        text = text.replace("محرومیت زدایی", "محرومیت" + ZWNJ + "زدایی").replace(" ها ", ZWNJ + "ها ")
    if rnd.random() < 0.1:
        text = text.replace("سازمان", "ســازمان")
    if rnd.random() < 0.05:
        text = text.replace("کتاب", "کِتاب")
    return text


def date_line(rnd: random.Random) -> str:
    y, m, d = rnd.randint(1390, 1403), rnd.randint(1, 12), rnd.randint(1, 29)
    hh, mm = rnd.randint(0, 23), rnd.randint(0, 59)
    line = f"{d} {MONTHS[m - 1]} {y} - {hh:02d}:{mm:02d}"
    r = rnd.random()
    if r < 0.6:
        return line.translate(FA_DIGITS)
    return line.translate(AR_DIGITS) if r < 0.7 else line


def article(n: int, rnd: random.Random, clauses: list[str], titles: list[str], names: list[str]) -> str:
    lines = []
    if rnd.random() < 0.3:
        lines.append(vary(rnd.choice(titles), rnd))
    lines.append(vary(rnd.choice(titles), rnd) + f" ({n})")
    lines.append(date_line(rnd))
    lines.append(f"کد خبر: {rnd.randint(1000000, 9999999)}".translate(FA_DIGITS if rnd.random() < 0.5 else AR_DIGITS))
    lines.append("")
    body = [vary("، ".join(rnd.sample(clauses, k=rnd.randint(2, 6))) + ".", rnd) for _ in range(rnd.randint(4, 10))]
    body[0] = f"به گزارش {rnd.choice(SOURCES)}، " + body[0]
    for name in rnd.sample(names, k=rnd.randint(1, 3)):
        i = rnd.randrange(len(body))
        body[i] += f" این طرح در روستای {name} نیز اجرا می‌شود."
    lines.extend(body)
    lines.append("")
    lines.append("ارسال نظرات")
    return "\n".join(lines) + "\n"


def generate(count: int, out: Path, seed: int = 1) -> None:
    """Write `count` articles into `out` (created if needed)."""
    out.mkdir(parents=True, exist_ok=True)
    paragraphs, titles = seed_material()
    clauses = clauses_of(paragraphs)
    rnd = random.Random(seed)
    names = place_names(rnd)
    for n in range(count):
        name = f"{n:06d}_{rnd.getrandbits(64):016x}.txt"
        (out / name).write_text(article(n, rnd, clauses, titles, names), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.count, args.out, args.seed)
    print(f"wrote {args.count} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
