"""Compare a Hashiye corpus with what QualCoder's importer stored (qc.py import dump)."""
import json, sys
from pathlib import Path
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore
from hashiye.core.exchange.refi_qda import color_code_name

corpus, dump = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())
store = AnnotationStore(corpus)
by_src = {s["name"]: s for s in dump["sources"]}
codings = dump["codings"]
ok = bad = 0
memos = 0
for f in sorted(corpus.glob("*.txt")):
    art = load_article(f)
    src = by_src[art.id]
    for p in store.load(art).anchored:
        a = p.annotation
        want = a.exact.replace("\r\n", "\n")
        mine = [c for c in codings if c["fid"] == src["id"] and c["seltext"] == want]
        codes = {c["code"] for c in mine}
        expected = {color_code_name(a.color), *a.tags}
        notes_ok = all(c["memo"] == a.note for c in mine)
        if codes == expected and notes_ok:
            ok += 1
            memos += bool(a.note)
        else:
            bad += 1
            print("MISMATCH", art.id, repr(a.exact[:40]), codes, expected, [c["memo"] for c in mine], repr(a.note))
print(f"{ok} annotations land on the same text with all codes and their note as coding memo ({memos} notes); {bad} do not;"
      f" {len(codings)} codings in QualCoder, {len(dump['sources'])} sources")
