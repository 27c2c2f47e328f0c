"""Analysis (issue 16, docs/analysis.md): codebook, coders, autocode, agreement, KWIC, reports."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from hashiye.core.analysis.agreement import agreement, alpha_binary, kappa
from hashiye.core.annotations.model import Annotation, from_w3c, new_annotation, to_w3c
from hashiye.core.corpus.article import load_article
from hashiye.core.analysis.autocode import autocode, autocode_steps
from hashiye.core.cli.main import main
from hashiye.core.annotations.codebook import (
    FILE_NAME,
    Code,
    Codebook,
    CodebookError,
    apply_changes,
    code_counts,
    iter_sidecar_annotations,
    rename_changes,
    undo_of,
)
from hashiye.core.exchange.codebook_export import codebook_qdc, read_codebook_qdc
from hashiye.core.annotations.coders import coder_of, with_coder
from hashiye.core.text.normalize import match_key
from hashiye.core.text.sentences import sentence_spans
from hashiye.core.annotations.store import AnnotationStore
from w3c_schema import every_sidecar_written_is_valid  # noqa: F401 (autouse: sidecars pass the W3C MUSTs)

CODEBOOK_XSD = Path(__file__).resolve().parents[1] / "data" / "refi-qda" / "Codebook.xsd"

# Ten sentences, the worked example of docs/analysis.md.
SENTENCES = [f"جمله شماره {n} درباره اقتصاد و بازار است." for n in
             ("یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده")]
HAND = "۱۴۰۳/۲/۱۷ - ۱۰ : ۰۰\n\nتیتر آزمایشی گزارش\n\nبه گزارش خبرگزاری آزمایش، " + " ".join(SENTENCES) + "\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def annotate(folder: Path, art_id: str, spans: list[tuple[int, int]], tags: list[str],
             coder: str | None = None) -> list[Annotation]:
    art = load_article(folder / f"{art_id}.txt")
    anns = [with_coder(new_annotation(art.id, art.source_text, s, e, tags=tags), coder) for s, e in spans]
    store = AnnotationStore(folder)
    store.load(art)
    store.save_change(art, upsert=anns)
    return anns


@pytest.fixture
def hand(tmp_path: Path) -> Path:
    folder = tmp_path / "hand"
    folder.mkdir()
    (folder / "a.txt").write_text(HAND, encoding="utf-8")
    return folder


# --- coders ------------------------------------------------------------------------------------

def test_coder_is_a_w3c_creator_and_survives_a_round_trip(seeds_copy: Path) -> None:
    (ann,) = annotate(seeds_copy, "001_efa6bf155fd70a28", [(300, 320)], ["بهزیستی"], coder="مریم")
    w3c = to_w3c(ann)
    assert w3c["creator"] == {"type": "Person", "name": "مریم"}
    assert coder_of(from_w3c(w3c)) == "مریم"
    (stored,) = [a for _id, anns in iter_sidecar_annotations(seeds_copy) for a in anns]
    assert coder_of(stored) == "مریم"
    # another tool's creator: an IRI, or a list of agents
    assert coder_of(from_w3c({**w3c, "creator": "https://example.org/people/reza"})) == \
        "https://example.org/people/reza"
    assert coder_of(from_w3c({**w3c, "creator": [{"type": "Person", "nickname": "sara"}]})) == "sara"


def test_export_and_annotations_filter_by_coder(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, "001_efa6bf155fd70a28", [(300, 320)], ["x"], coder="Ali")
    annotate(seeds_copy, "001_efa6bf155fd70a28", [(400, 420)], ["x"], coder="Sara")
    code, out, _ = run(capsys, "annotations", "--coder", "sara", "--corpus", str(seeds_copy), "--json")
    rows = json.loads(out)["annotations"]
    assert code == 0 and [(r["start"], r["coder"]) for r in rows] == [(400, "Sara")]
    code, out, _ = run(capsys, "export", "--format", "csv", "--coder", "Ali", "--corpus", str(seeds_copy))
    assert code == 0 and out.count("\n") == 2  # header and Ali's one highlight


# --- codebook ----------------------------------------------------------------------------------

def test_codebook_lives_in_the_folder_and_merges_two_users(seeds_copy: Path) -> None:
    ali, sara = Codebook(seeds_copy), Codebook(seeds_copy)
    ali.load()
    sara.load()
    ali.save_change([Code("اقتصاد", "#ff0000", "خبرهای اقتصادی")])
    sara.save_change([Code("سیاست", "#0000ff"), Code("انتخابات", parent="سیاست")])  # read before Ali saved
    codes = Codebook(seeds_copy).load()
    assert set(codes) == {"اقتصاد", "سیاست", "انتخابات"} and codes["انتخابات"].parent == "سیاست"
    # Sara deletes a code Ali changed after she read it: it stays
    sara.load()
    ali.load()
    ali.save_change([Code("اقتصاد", "#00ff00", "ویرایش علی")])
    sara.save_change(delete=["اقتصاد"])
    assert Codebook(seeds_copy).load()["اقتصاد"].description == "ویرایش علی"
    # deleting a parent moves its children up
    sara.load()
    sara.save_change(delete=["سیاست"])
    assert Codebook(seeds_copy).load()["انتخابات"].parent is None
    assert (seeds_copy / FILE_NAME).is_file()


def test_codebook_saves_from_threads_lose_nothing(seeds_copy: Path) -> None:
    def add(i: int) -> None:
        book = Codebook(seeds_copy)
        book.load()
        book.save_change([Code(f"کد{i}")])

    threads = [threading.Thread(target=add, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(Codebook(seeds_copy).load()) == {f"کد{i}" for i in range(8)}


def test_damaged_codebook_is_reported_and_left_alone(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = seeds_copy / FILE_NAME
    path.write_text('{"codes": [', encoding="utf-8")
    with pytest.raises(CodebookError, match="not readable JSON"):
        Codebook(seeds_copy).save_change([Code("x")])
    assert path.read_text(encoding="utf-8") == '{"codes": ['
    code, _out, err = run(capsys, "codebook", "--corpus", str(seeds_copy))
    assert code == 1 and FILE_NAME in err


def test_rename_is_one_change_per_article_and_undo_restores(seeds_copy: Path) -> None:
    a1 = annotate(seeds_copy, "001_efa6bf155fd70a28", [(300, 320), (400, 420)], ["قدیم", "دیگر"])
    a2 = annotate(seeds_copy, "002_4a4f9998171fccb3", [(200, 230)], ["قدیم"])
    annotate(seeds_copy, "003_edc48c3769eb6a48", [(200, 230)], ["بی‌ربط"])
    changes = rename_changes(seeds_copy, "قدیم", "جدید")
    assert sorted((c.article, len(c.before)) for c in changes) == [("001_efa6bf155fd70a28", 2),
                                                                   ("002_4a4f9998171fccb3", 1)]
    assert [b.id for c in changes for b in c.before] == [a.id for c in changes for a in c.after]
    apply_changes(seeds_copy, changes)
    tags = {a.id: a.tags for _id, anns in iter_sidecar_annotations(seeds_copy) for a in anns}
    assert tags[a1[0].id] == ["جدید", "دیگر"] and tags[a2[0].id] == ["جدید"]
    apply_changes(seeds_copy, undo_of(changes))
    tags = {a.id: a.tags for _id, anns in iter_sidecar_annotations(seeds_copy) for a in anns}
    assert tags[a1[0].id] == ["قدیم", "دیگر"] and tags[a2[0].id] == ["قدیم"]


def test_cli_rename_merge_delete(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, "001_efa6bf155fd70a28", [(300, 320)], ["الف", "ب"])
    annotate(seeds_copy, "002_4a4f9998171fccb3", [(200, 230)], ["الف"])
    Codebook(seeds_copy).save_change([Code("الف", "#ff0000", "شرح الف"), Code("الف۱", parent="الف")])
    run(capsys, "codebook", "--rename", "الف", "ب", "--corpus", str(seeds_copy))  # a merge into ب
    code, out, _ = run(capsys, "codebook", "--corpus", str(seeds_copy), "--json")
    rows = {r["name"]: r for r in json.loads(out)["codes"]}
    assert code == 0 and "الف" not in rows
    assert (rows["ب"]["highlights"], rows["ب"]["articles"]) == (2, 2)  # one highlight carried both: one tag
    assert rows["الف۱"]["parent"] == "ب"
    run(capsys, "codebook", "--delete", "ب", "--corpus", str(seeds_copy))
    anns = [a for _id, anns in iter_sidecar_annotations(seeds_copy) for a in anns]
    assert len(anns) == 2 and all(a.tags == [] for a in anns)  # highlights stay, the code is gone


def test_qdc_round_trip_keeps_tree_colours_descriptions(seeds_copy: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    codes = {"سیاست": Code("سیاست", "#112233", "امور سیاسی"), "انتخابات": Code("انتخابات", "#445566", "", "سیاست"),
             "مجلس": Code("مجلس", "", "نمایندگان & <مجلس>", "انتخابات"), "اقتصاد": Code("اقتصاد")}
    text = codebook_qdc(codes)
    xmlschema.XMLSchema(str(CODEBOOK_XSD)).validate(text)
    back = read_codebook_qdc(text.encode("utf-8"))
    assert {n: (c.color, c.description, c.parent) for n, c in back.items()} == \
        {n: (c.color, c.description, c.parent) for n, c in codes.items()}
    # through the command line, into another folder
    Codebook(seeds_copy).save_change(codes.values())
    out = tmp_path / "book.qdc"
    assert run(capsys, "codebook", "--qdc", str(out), "--corpus", str(seeds_copy))[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(HAND, encoding="utf-8")
    assert run(capsys, "codebook", "--import-qdc", str(out), "--corpus", str(other))[0] == 0
    got = Codebook(other).load()
    assert {n: (c.color, c.description, c.parent) for n, c in got.items()} == \
        {n: (c.color, c.description, c.parent) for n, c in codes.items()}
    bad = tmp_path / "bad.qdc"
    bad.write_text("<not xml", encoding="utf-8")
    code, _o, err = run(capsys, "codebook", "--import-qdc", str(bad), "--corpus", str(other))
    assert code == 1 and "REFI-QDA codebook" in err


# --- autocode ----------------------------------------------------------------------------------

def test_autocode_codes_every_hit_once(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = str(seeds_copy)
    code, out, _ = run(capsys, "autocode", "بهزیستی", "--tag", "رفاه", "--dry-run", "--corpus", corpus, "--json")
    dry = json.loads(out)
    assert code == 0 and dry["dry_run"] is True and dry["annotations"] > 3
    assert not list(seeds_copy.glob("*.annotations.json"))  # a dry run writes nothing
    code, out, _ = run(capsys, "autocode", "بهزیستی", "--tag", "رفاه", "--coder", "Ali", "--corpus", corpus,
                       "--json")
    first = json.loads(out)
    assert first == {**dry, "dry_run": False}
    anns = [(art, a) for art, anns in iter_sidecar_annotations(seeds_copy) for a in anns]
    assert len(anns) == first["annotations"]
    for art, a in anns:  # each is a real hit, coded and attributed
        text = (seeds_copy / f"{art}.txt").read_text(encoding="utf-8")
        assert match_key(text[a.start:a.end]).startswith(match_key("بهزیستی")) and a.tags == ["رفاه"]
        assert coder_of(a) == "Ali"
    code, out, _ = run(capsys, "autocode", "بهزیستی", "--tag", "رفاه", "--corpus", corpus, "--json")
    assert json.loads(out)["annotations"] == 0  # re-running adds nothing
    assert sum(len(a) for _i, a in iter_sidecar_annotations(seeds_copy)) == first["annotations"]


def test_autocode_sentences_and_progress(seeds_copy: Path) -> None:
    steps = list(autocode_steps(seeds_copy, "بهزیستی", "جمله", unit="sentence"))
    assert [s.done for s in steps] == list(range(1, len(steps) + 1)) and steps[-1].total == len(steps)
    created = [a for s in steps for a in s.created]
    for a in created:
        text = (seeds_copy / f"{a.article}.txt").read_text(encoding="utf-8")
        assert (a.start, a.end) in sentence_spans(text)
    assert len({(a.article, a.start) for a in created}) == len(created)
    assert autocode(seeds_copy, "بهزیستی", "جمله", unit="sentence").annotations == 0


def test_autocode_bad_input(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "autocode", "بهزیستی", "--tag", " ", "--corpus", str(seeds_copy))[0] == 2
    assert run(capsys, "autocode", "بهزیستی", "--tag", "x", "--color", "red", "--corpus", str(seeds_copy))[0] == 2
    assert run(capsys, "autocode", "x", "--tag", "x", "--corpus", str(seeds_copy / "missing"))[0] == 1


# --- agreement ---------------------------------------------------------------------------------

def test_worked_example_kappa_matches_the_hand_computation(hand: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (hand / "a.txt").read_text(encoding="utf-8")
    units = sentence_spans(text)
    s = [text.index(x) for x in SENTENCES]  # sentence 1..10 (the first units are the date, title, lead)
    first = len(units) - 10
    assert [u[0] for u in units[first + 1:]] == s[1:]
    # Ali: sentences 1-2 (one highlight from the middle of 1 to the middle of 2) and 3-4; Sara: 3-5
    annotate(hand, "a", [(s[0] + 5, s[1] + 5), (s[2], s[3] + 10)], ["اقتصاد"], coder="Ali")
    annotate(hand, "a", [(s[2] + 3, s[4] + 4)], ["اقتصاد"], coder="Sara")
    code, out, _ = run(capsys, "agreement", "--coders", "Ali", "Sara", "--corpus", str(hand), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["units"] == len(units)
    n = len(units)
    # by hand (docs/analysis.md): both 2, Ali only 2, Sara only 1, the other units neither
    row = doc["codes"]["اقتصاد"]
    assert (row["both"], row["a_only"], row["b_only"], row["neither"]) == (2, 2, 1, n - 5)
    po = (2 + n - 5) / n
    pe = (4 / n) * (3 / n) + (1 - 4 / n) * (1 - 3 / n)
    assert row["kappa"] == round((po - pe) / (1 - pe), 4)
    assert row["percent"] == round(100 * po, 4)
    assert doc["overall"] == row
    # the ten sentences alone (the hand computation in docs/analysis.md): kappa = 0.16 / 0.46
    assert round(kappa(2, 2, 1, 5), 4) == 0.3478


def test_agreement_json_shape_and_nulls(hand: Path, capsys: pytest.CaptureFixture[str]) -> None:
    annotate(hand, "a", [(60, 70)], ["x"], coder="Ali")
    annotate(hand, "a", [(80, 90)], ["x"], coder="Sara")
    code, out, _ = run(capsys, "agreement", "--coders", "Ali", "Sara", "--unit", "article", "--corpus", str(hand),
                       "--json")
    doc = json.loads(out)
    assert set(doc) == {"coders", "unit", "units", "codes", "overall"} and doc["unit"] == "article"
    # one unit, coded by both: chance agreement is 1, so kappa is undefined (null), percent is 100
    assert doc["codes"]["x"] == {"both": 1, "a_only": 0, "b_only": 0, "neither": 0, "percent": 100.0, "kappa": None}
    assert kappa(0, 1, 0, 0) == 0.0  # one coder says yes, the other no: chance agreement 0, kappa 0
    assert run(capsys, "agreement", "--coders", "Ali", "--corpus", str(hand))[0] == 2
    code, out, _ = run(capsys, "agreement", "--coders", "X", "Y", "--corpus", str(hand), "--json")
    assert json.loads(out)["units"] == 0 and json.loads(out)["overall"]["kappa"] is None


def test_agreement_warns_of_a_coder_who_coded_nothing(hand: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt coder once gave a table of zeros and no word of why."""
    annotate(hand, "a", [(60, 70)], ["x"], coder="Ali")
    annotate(hand, "a", [(80, 90)], ["x"], coder="Sara")
    code, _out, err = run(capsys, "agreement", "--coders", "Ali", "Sarah", "--corpus", str(hand))
    assert code == 0 and "'Sarah' coded nothing" in err and "'Ali'" not in err
    code, _out, err = run(capsys, "agreement", "--coders", "Ali", "sara", "--corpus", str(hand))
    assert code == 0 and "coded nothing" not in err, "names match regardless of case"


def test_krippendorff_alpha_by_hand(hand: Path) -> None:
    # 4 units, 3 coders; coders who coded each unit: 3, 0, 2, 1. n = 12 values, six 1s and six 0s;
    # coincidences of 0 with 1: (0 + 0 + 2·1 + 1·2)/2 = 2; alpha = 1 − 11·2/(6·6) = 14/36
    assert alpha_binary([3, 0, 2, 1], 3) == pytest.approx(14 / 36)
    assert alpha_binary([3, 3], 3) is None
    text = (hand / "a.txt").read_text(encoding="utf-8")
    s = [text.index(x) for x in SENTENCES]
    annotate(hand, "a", [(s[0], s[0] + 4)], ["x"], coder="A")
    annotate(hand, "a", [(s[0], s[0] + 4)], ["x"], coder="B")
    annotate(hand, "a", [(s[0], s[0] + 4), (s[5], s[5] + 3)], ["x"], coder="C")
    result = agreement(hand, ["A", "B", "C"], unit="sentence")
    counts = [3, 1] + [0] * (result.units - 2)
    assert result.codes["x"].alpha == pytest.approx(alpha_binary(counts, 3))
    assert [(d.start, d.coded_by) for d in result.disagreements] == [(s[5], ["C"])]


# --- KWIC --------------------------------------------------------------------------------------

def test_kwic_hits_are_file_slices(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", "بهزیستی", "--width", "12", "--corpus", str(seeds_copy), "--json")
    hits = json.loads(out)["hits"]
    assert code == 0 and len(hits) > 3
    for h in hits:
        text = (seeds_copy / f"{h['article']}.txt").read_text(encoding="utf-8")
        assert h["hit"] == text[h["start"]:h["end"]]
        assert h["left"] == text[max(0, h["start"] - 12):h["start"]].replace("\n", " ").replace("\r", " ")
        assert len(h["right"]) <= 12
    assert run(capsys, "kwic", "x", "--width", "-1", "--corpus", str(seeds_copy))[0] == 2


def test_kwic_says_how_many_hits_even_when_there_are_none(seeds_copy: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "kwic", "بهزیستی", "--corpus", str(seeds_copy))
    assert code == 0 and len(out.splitlines()) > 3
    assert f"{len(out.splitlines())} hits in " in err
    code, out, err = run(capsys, "kwic", "زززقققق", "--corpus", str(seeds_copy))
    assert code == 0 and out == "" and "0 hits in 0 articles" in err


# --- reports -----------------------------------------------------------------------------------

def test_reports_by_month_source_and_cooccurrence(seeds_copy: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    annotate(seeds_copy, "001_efa6bf155fd70a28", [(300, 320), (400, 420)], ["الف", "ب"])
    annotate(seeds_copy, "001_efa6bf155fd70a28", [(500, 520)], ["الف"])
    annotate(seeds_copy, "002_4a4f9998171fccb3", [(200, 230)], ["ب"])
    listing = {r["id"]: r for r in json.loads(_out(capsys, "list", "--corpus", str(seeds_copy), "--json"))["articles"]}
    code, out, _ = run(capsys, "report", "--by", "source", "--corpus", str(seeds_copy))
    lines = out.lstrip("\ufeff").splitlines()
    assert code == 0 and lines[0] == "source,الف,ب"
    src1, src2 = listing["001_efa6bf155fd70a28"]["source"], listing["002_4a4f9998171fccb3"]["source"]
    assert f"{src1},3,2" in lines and f"{src2},0,1" in lines
    code, out, _ = run(capsys, "report", "--by", "month", "--tag", "ب", "--corpus", str(seeds_copy))
    assert code == 0 and out.lstrip("\ufeff").splitlines()[0] == "month,ب"
    month = "اردیبهشت ۱۴۰۳"  # 001 is dated ۱۴۰۳/۲/۱۷
    assert f"{month},2" in out.splitlines() or any(ln.startswith(month) for ln in out.splitlines())
    code, out, _ = run(capsys, "report", "--by", "cooccurrence", "--corpus", str(seeds_copy))
    assert out.lstrip("\ufeff").splitlines() == ["code,الف,ب", "الف,3,2", "ب,2,3"]
    svg = tmp_path / "c.svg"
    assert run(capsys, "report", "--by", "source", "--format", "svg", "-o", str(svg), "--corpus",
               str(seeds_copy))[0] == 0
    root = ET.fromstring(svg.read_bytes())
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "الف" in texts and src1 in texts
    code, _o, err = run(capsys, "report", "--by", "month", "--format", "png", "--corpus", str(seeds_copy))
    assert code == 2 and "svg" in err
    code, _o, err = run(capsys, "report", "--by", "month", "-o", str(seeds_copy / "001_efa6bf155fd70a28.txt"),
                        "--corpus", str(seeds_copy))
    assert code == 2 and (seeds_copy / "001_efa6bf155fd70a28.txt").read_text(encoding="utf-8").startswith("۱۴۰۳")


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_code_counts_include_tags_not_in_the_codebook(seeds_copy: Path) -> None:
    annotate(seeds_copy, "001_efa6bf155fd70a28", [(300, 320)], ["آزاد"])
    Codebook(seeds_copy).save_change([Code("رسمی", "#123456")])
    rows = {c.code.name: c for c in code_counts(seeds_copy)}
    assert (rows["آزاد"].highlights, rows["آزاد"].in_codebook) == (1, False)
    assert (rows["رسمی"].highlights, rows["رسمی"].in_codebook) == (0, True)


def test_codebook_that_is_a_pipe_or_too_deep_is_refused_with_a_message(seeds_copy: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import os

    path = seeds_copy / FILE_NAME
    os.mkfifo(path)
    with pytest.raises(CodebookError, match=FILE_NAME):
        Codebook(seeds_copy).load()
    code, _out, err = run(capsys, "codebook", "--corpus", str(seeds_copy))  # returns, does not block
    assert code == 1 and FILE_NAME in err
    path.unlink()
    path.write_text('{"codes": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(CodebookError):
        Codebook(seeds_copy).save_change([Code("x")])
    assert path.stat().st_size > 200_000  # left as it was


def test_bulk_saves_remove_stale_temporaries_listed_once(seeds_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from hashiye.core.files import atomic

    from hashiye.core.annotations import store

    stale = seeds_copy / ".001_efa6bf155fd70a28.annotations.json.tmp-dead"
    stale.write_text("half a file", encoding="utf-8")
    listed_per_save: list[object] = []
    saving: list[bool] = []
    real_scandir, real_remove = os.scandir, atomic.remove_stale_temps

    def counting(folder: object) -> object:
        if saving:  # a listing made by a save's clean-up of temporaries
            listed_per_save.append(folder)
        return real_scandir(folder)  # type: ignore[call-overload]

    def watched(path: Path) -> None:
        saving.append(True)
        try:
            real_remove(path)
        finally:
            saving.pop()

    monkeypatch.setattr(atomic.os, "scandir", counting)
    monkeypatch.setattr(store, "remove_stale_temps", watched)
    result = autocode(seeds_copy, "بهزیستی", "رفاه")
    # the folder is listed once for the temporaries when the bulk starts, never again per saved article
    assert result.articles == 3 and listed_per_save == []
    assert not stale.exists()


def test_report_counts_the_same_for_sidecars_the_fast_path_cannot_read(seeds_copy: Path) -> None:
    from hashiye.core.analysis.report import build_report

    annotate(seeds_copy, "001_efa6bf155fd70a28", [(300, 320), (400, 420)], ["الف", "ب"])
    fast = build_report(seeds_copy, "cooccurrence").cells
    path = seeds_copy / "001_efa6bf155fd70a28.annotations.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["first"]["items"].append(doc["first"]["items"][0])  # a record listed twice: the full reader decides
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert build_report(seeds_copy, "cooccurrence").cells == fast


def test_agreement_same_for_sidecars_the_fast_path_cannot_read(hand: Path) -> None:
    text = (hand / "a.txt").read_text(encoding="utf-8")
    s = [text.index(x) for x in SENTENCES]
    annotate(hand, "a", [(s[0], s[1] + 3)], ["x"], coder="A")
    annotate(hand, "a", [(s[1], s[2] + 3)], ["x"], coder="B")
    fast = agreement(hand, ["A", "B"]).to_json()
    assert fast["codes"]["x"]["both"] == 1
    path = hand / "a.annotations.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["first"]["items"].append(doc["first"]["items"][0])  # a record listed twice: the full reader decides
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert agreement(hand, ["A", "B"]).to_json() == fast
