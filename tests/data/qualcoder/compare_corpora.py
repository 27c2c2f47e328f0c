"""Compare two Hashiye corpora's annotations by span: quote, note, tags, colour."""
import sys
from pathlib import Path
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore
a, b = Path(sys.argv[1]), Path(sys.argv[2])
def load(folder):
    st = AnnotationStore(folder)
    return {(p.stem, x.start, x.end): x.annotation for p in sorted(folder.glob("*.txt")) for x in st.load(load_article(p)).anchored}
A, B = load(a), load(b)
same = sum(1 for k, x in A.items() if k in B and (B[k].exact, B[k].note, B[k].tags, B[k].color) == (x.exact, x.note, x.tags, x.color))
print(f"{len(A)} annotations before, {len(B)} after; {same} with the same span, quote, note, tags and colour;"
      f" notes {sum(bool(x.note) for x in A.values())}, tags {sum(len(x.tags) for x in A.values())},"
      f" colours {sorted({x.color for x in A.values()})}")
for k, x in A.items():
    if k not in B or (B[k].exact, B[k].note, B[k].tags, B[k].color) != (x.exact, x.note, x.tags, x.color):
        print("DIFF", k, x.tags, x.color, repr(x.note[:30]), "->", (B[k].tags, B[k].color, repr(B[k].note[:30])) if k in B else None)
