import shutil, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/
from qda_corpus import build, plan
from hashiye.core.corpus.article import load_article
from hashiye.core.annotations.store import AnnotationStore
seeds, out = Path(sys.argv[1]), Path(sys.argv[2])
shutil.rmtree(out, ignore_errors=True)
n = 0
for i, p in enumerate(build(seeds, out)):
    anns = plan(p, i)
    AnnotationStore(out).save_change(load_article(p), upsert=anns)
    n += len(anns)
print(n, "annotations")
