"""The typed article record, the one filter for list and exports, and the user folders."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hashiye.core.corpus.article import load_article
from hashiye.core.cli.main import main
from hashiye.core.corpus.corpus import scan
from hashiye.core.corpus.filters import Filter
from hashiye.core.corpus.records import FIELDS, ArticleRecord
from hashiye.core.search.listing_cache import cached_listing
from hashiye.core.search.search_index import CorpusIndex

# DESIGN §6: the `list --json` article fields, in this order.
LIST_FIELDS = ["id", "file", "title", "supertitle", "lead", "source", "news_code", "published",
               "published_jalali", "words", "annotations"]


def test_list_json_keeps_the_contract_fields_in_order(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", "--corpus", str(seeds_copy)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["articles"] and all(list(a) == LIST_FIELDS for a in printed["articles"])
    assert list(FIELDS) == LIST_FIELDS
    assert printed["articles"] == [r.to_json() for r in scan(seeds_copy).articles]


def test_show_json_is_the_list_record_plus_the_text(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "000_e6d5671372e51005", "--json", "--corpus", str(seeds_copy)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert list(shown) == [*LIST_FIELDS, "text", "paragraphs", "normalized"]  # DESIGN §10


def test_a_record_cannot_be_changed_in_place(seeds_copy: Path) -> None:
    rec = scan(seeds_copy).articles[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.annotations = 5  # type: ignore[misc]
    more = rec.with_annotations(rec.annotations + 3)
    assert (more.annotations, rec.annotations) == (rec.annotations + 3, scan(seeds_copy).articles[0].annotations)
    assert more.title == rec.title and more.id == rec.id


def test_the_listing_cache_gives_back_equal_records(seeds_copy: Path) -> None:
    """The cache stores `to_json()`; reading it back gives records equal to a fresh scan's."""
    assert cached_listing(seeds_copy).articles == scan(seeds_copy).articles
    with CorpusIndex(seeds_copy) as index:  # the second listing comes from the cache alone
        assert index.update() == 0
        assert index.listing().articles == scan(seeds_copy).articles
    assert all(isinstance(r, ArticleRecord) for r in cached_listing(seeds_copy).articles)
    assert ArticleRecord.from_json(scan(seeds_copy).articles[1].to_json()) == scan(seeds_copy).articles[1]


@pytest.mark.parametrize("criteria", [
    {"date_from": "1399-11-01", "date_to": "1399-12-29"},
    {"date_from": "۱۴۰۳/۰۱/۰۱"},
    {"date_to": "1399-01-01"},
    {"sources": ["جهانی پرس"]},
    {"sources": ["جهاني پرس", "اصفهان شرق"]},  # Arabic ي: the same source
    {"articles": ["000_e6d5671372e51005", "003_edc48c3769eb6a48"]},
    {"text": "بسیج"},
])
def test_the_list_and_the_exports_judge_an_article_alike(seeds_copy: Path, criteria: dict[str, object]) -> None:
    """One filter: a list record and the article read from its file get the same verdict."""
    keep = Filter(**criteria)  # type: ignore[arg-type]
    records = scan(seeds_copy).articles
    verdicts = {r.id: keep.keeps_record(r) for r in records}
    assert verdicts == {r.id: keep.keeps_article(load_article(seeds_copy / r.file)) for r in records}
    assert 0 < sum(verdicts.values()) < len(records) or criteria.get("date_to") == "1399-01-01"


def test_the_list_keeps_articles_whose_annotations_carry_the_tag(seeds_copy: Path) -> None:
    from hashiye.core.annotations.model import new_annotation

    art = load_article(seeds_copy / "000_e6d5671372e51005.txt")
    tagged = dataclasses.replace(new_annotation(art.id, art.source_text, 0, 10), tags=["اقتصاد"], color="green")
    rec = scan(seeds_copy).articles[0].with_annotations(1)
    assert Filter(tags=["اقتصاد"]).keeps_record(rec, annotations=[tagged])
    assert not Filter(tags=["سیاست"]).keeps_record(rec, annotations=[tagged])
    assert not Filter(tags=["اقتصاد"]).keeps_record(rec), "no annotations: not kept"
    assert not Filter(tags=["اقتصاد"], colors=["pink"]).keeps_record(rec, annotations=[tagged])
    assert Filter(has_annotations=True).keeps_record(rec)
    assert not Filter(has_annotations=True).keeps_record(rec.with_annotations(0))


def test_user_folders_follow_the_overrides_and_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from hashiye.core.files import paths

    monkeypatch.setenv("HASHIYE_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("HASHIYE_DATA_DIR", str(tmp_path / "d"))
    assert (paths.cache_dir(), paths.data_dir()) == (tmp_path / "c", tmp_path / "d")
    monkeypatch.delenv("HASHIYE_CACHE_DIR")
    monkeypatch.delenv("HASHIYE_DATA_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xc"))
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
        assert paths.cache_dir() == tmp_path / "xc" / "hashiye"
        assert paths.data_dir() == tmp_path / "xd" / "hashiye"
        assert paths.desktop_data_home() == tmp_path / "xd"
        monkeypatch.delenv("XDG_CACHE_HOME")
        monkeypatch.delenv("XDG_DATA_HOME")
        assert paths.cache_dir() == Path.home() / ".cache" / "hashiye"
        assert paths.data_dir() == Path.home() / ".local" / "share" / "hashiye"


def test_a_cached_record_with_unknown_fields_still_lists() -> None:
    """A cache row written by another release (an extra field) gives the record, not a crash."""
    rec = ArticleRecord.from_json({"id": "a", "file": "a.txt", "title": "عنوان", "coder": "x", "words": 3})
    assert (rec.id, rec.title, rec.words, rec.annotations) == ("a", "عنوان", 3, 0)
