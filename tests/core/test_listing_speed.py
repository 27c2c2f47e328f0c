"""The fast paths of a listing give exactly what the slow ones gave (issue 17): the first listing
read in worker processes, the parser's quick checks, the JSON text of `list --json`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hashiye.core.files.indented_json import dumps_indented
from hashiye.core.corpus import folder_rules, line_kinds, lines
from hashiye.core.corpus.boilerplate import key
from hashiye.core.search import index_read, search_index
from hashiye.core.search.search_index import CorpusIndex
from hashiye.core.text import display_cache, jalali
from hashiye.core.text.normalize import fold_letters, to_latin_digits
from hashiye.core.text.textio import UnreadableArticle, check_file_name, shown_name

MakeCorpus = Callable[[Path, int], Path]
MENU = "عضویت در خبرنامه سایت ما"


def _listing(corpus: Path, db: Path, workers: int) -> tuple[list[tuple[object, ...]], str]:
    folder_rules._memo.clear()  # count the folder's repeated lines again, reading every file
    folder_rules.lines_cache_path(corpus).unlink(missing_ok=True)
    with CorpusIndex(corpus, db) as index:
        index.update(workers=workers)
        rows = index.db.execute("SELECT * FROM files ORDER BY name").fetchall()
        return rows, json.dumps(index.listing().to_json(), ensure_ascii=False, indent=2)


def test_first_listing_in_workers_reads_line_keys_there_and_equals_serial(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_corpus: MakeCorpus) -> None:
    corpus = make_corpus(tmp_path / "c", 40)
    for path in sorted(corpus.glob("00*.txt")):  # site furniture in every story: the folder's rules hide it
        data = path.read_bytes()
        encoding = "cp1256" if int(path.stem) % 7 == 0 else "utf-8"
        path.write_bytes(data + f"\n{MENU}\n".encode(encoding, errors="replace"))
    monkeypatch.setattr(index_read, "PARALLEL_FROM", 10)
    monkeypatch.setattr(index_read, "CHUNK", 7)
    serial = _listing(corpus, tmp_path / "serial.sqlite", 1)
    assert key(MENU) in folder_rules.for_folder(corpus).repeated, "the folder's rules are not empty"
    ran: list[str] = []
    real = index_read._map_chunks

    def spy(pool: Any, workers: int, fn: Callable[..., list[Any]], jobs: list[tuple[Any, ...]]) -> Any:
        ran.append(fn.__name__)
        return real(pool, workers, fn, jobs)

    monkeypatch.setattr(index_read, "_map_chunks", spy)
    parallel = _listing(corpus, tmp_path / "parallel.sqlite", 2)
    assert ran == ["file_line_keys", "_read_chunk"], "line keys, then records, were read in worker processes"
    assert parallel == serial
    assert MENU not in parallel[1], "the repeated line is furniture in both"


scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner) | st.tuples(inner, inner)
                      | st.dictionaries(st.text() | st.integers(), inner), max_leaves=30)


@settings(max_examples=500, deadline=None)
@given(values)
def test_listing_json_is_the_text_json_dumps_writes(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_list_json_prints_the_listing_as_json_dumps_would(seeds_copy: Path) -> None:
    import io
    from contextlib import redirect_stdout

    from hashiye.core.cli.main import main

    (seeds_copy / "notes.txt").write_text("«خط اول»\n\"نقل\" \\ \t\n", "utf-8")  # quotes, backslash, tab
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["list", "--json", "--corpus", str(seeds_copy)]) == 0
    doc = json.loads(out.getvalue())
    assert len(doc["articles"]) >= 5
    assert out.getvalue() == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\r\u2028\x85\x0b\u200c")), max_size=30))
def test_split_lines_without_cr_equals_the_pattern(text: str) -> None:
    expected = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if not m.group():
            break
        body = m.group().rstrip("\r\n")
        expected.append((m.start(), m.start() + len(body), body))
    assert [(ln.start, ln.end, ln.text) for ln in lines.split_lines(text)] == expected


DATE_ALPHABET = list("0123۰۱۲۳۴۹٠١٢٣٤٩ -/:|،") + ["1403", "۱۴۰۳", "١٤٠٣", "2024", "۲۰۲۴", "٢٠٢٤", "1399", "1996",
                                                  " بهمن ", " مهر ", " July ", " ژوئیه ", "جمعه ", "T10:30"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DATE_ALPHABET), max_size=12).map("".join))
def test_the_year_check_rules_out_no_date(line: str) -> None:
    found = jalali.find_date.__wrapped__(line)  # type: ignore[attr-defined]
    if jalali._YEAR.search(line) is None:
        assert found is None
    # and the same answer as the patterns alone give
    real = jalali._YEAR
    try:
        jalali._YEAR = re.compile("")
        assert jalali.find_date.__wrapped__(line) == found  # type: ignore[attr-defined]
    finally:
        jalali._YEAR = real


CODE_ALPHABET = ["کد", "كد", "کد خبر", "كد خبر", "شناسه", "شناسه مطلب", " خبري", " خبر", ":", " ", "12", "۱۲۳", "٤٥٦", "ي"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(CODE_ALPHABET), max_size=8).map("".join))
def test_the_news_code_check_finds_every_code(line: str) -> None:
    m = line_kinds._CODE.search(to_latin_digits(fold_letters(line)))
    assert line_kinds.code_of.__wrapped__(line) == (m.group(1) if m else None)  # type: ignore[attr-defined]


def test_file_names_are_checked_alike_on_the_fast_path() -> None:
    assert shown_name("خبر ۱.txt") == "خبر ۱.txt"
    bad = b"\xe6\xe1\xdf.txt".decode("utf-8", "surrogateescape")
    assert shown_name(bad) == "\ufffd\ufffd\ufffd.txt"
    check_file_name("خبر ۱.txt")
    with pytest.raises(UnreadableArticle):
        check_file_name(bad)


def test_parser_modules_stay_under_400_lines_and_all_key_the_display_cache() -> None:
    core = Path(search_index.__file__).resolve().parents[1]
    for name in ("parse", "lines", "line_kinds", "sources", "boilerplate"):
        assert len((core / "corpus" / f"{name}.py").read_text("utf-8").splitlines()) <= 400, name
        assert core / "corpus" / f"{name}.py" in display_cache.rule_files(), \
            "a rule change must change the display cache key"
    for module in display_cache.rule_files():
        assert module.is_file(), module
