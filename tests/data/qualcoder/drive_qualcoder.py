"""Drive QualCoder's own REFI-QDA importer and exporter headless (offscreen Qt).

usage: drive_qualcoder.py import FILE.qdpx WORKDIR OUT.json     # import, dump what QualCoder stored
       drive_qualcoder.py roundtrip FILE.qdpx WORKDIR OUT.qdpx  # import, then QualCoder's own project export
       drive_qualcoder.py build FILE.qdpx WORKDIR OUT.qdpx SQL   # import, run QualCoder-style edits (SQL), export
       drive_qualcoder.py codebook FILE.qdc WORKDIR OUT.json     # QualCoder's codebook import into a new project
"""
import builtins, json, os, re, sqlite3, sys, types, datetime
from pathlib import Path

builtins._ = lambda s: s  # QualCoder installs gettext's _ globally
QC_SRC = os.environ.get("QUALCODER_SRC", "/tmp/qualcoder/src")  # a checkout of QualCoder's src/
sys.path.insert(0, QC_SRC)
# The AI module pulls in langchain/openai, unused by REFI-QDA import/export: stand in for its two helpers.
ai = types.ModuleType("qualcoder.ai_llm")
ai.get_default_ai_models = lambda: []
ai.update_ai_models = lambda models, *a, **k: models
sys.modules["qualcoder.ai_llm"] = ai

from PyQt6 import QtWidgets  # noqa: E402
app_qt = QtWidgets.QApplication(["qc"])
from qualcoder import refi, helpers  # noqa: E402
from qualcoder.app import App  # noqa: E402

helpers.Message.exec = lambda self: 0
refi.Message.exec = lambda self: 0
refi.RefiLineEndings.exec = lambda self: 0


class Log:
    lines = []
    def append(self, s): self.lines.append(str(s))


def new_project(work: Path) -> App:
    app = App()
    app.settings["ai_enable"] = "False"
    app.settings["codername"] = "default"
    app.write_config_ini = lambda *a, **k: None
    path = work / "proj.qda"
    for d in ("", "images", "audio", "video", "documents"):
        (path / d).mkdir(parents=True, exist_ok=True)
    app.project_path = str(path)
    app.project_name = "proj.qda"
    app.settings["directory"] = str(work)
    app.create_connection(str(path))
    cur = app.conn.cursor()
    src = (Path(QC_SRC) / "qualcoder" / "__main__.py").read_text()
    first = src.index('"CREATE TABLE project')
    block = src[src.rindex("cur.execute(", 0, first):src.index("self.app.update_coder_names()", first)]
    for stmt in re.findall(r'cur\.execute\(\s*((?:"[^"]*"\s*)+)\)', block):
        cur.execute("".join(re.findall(r'"([^"]*)"', stmt)))
    app.update_coder_names()
    cur.execute("INSERT INTO project VALUES(?,?,?,?,?,?,?,?,null,null,null)",
                ("v17", datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S"), "", app.version, 0, 0, "default", ""))
    app.conn.commit()
    return app


def do_import(qdpx: str, work: Path) -> App:
    app = new_project(work)
    refi.QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (qdpx, "qdpx"))
    refi.RefiImport(app, Log(), "qdpx")
    return app


def dump(app: App) -> dict:
    cur = app.conn.cursor()
    out = {}
    cur.execute("select id, name, fulltext, ifnull(memo,'') from source")
    out["sources"] = [dict(zip(("id", "name", "fulltext", "memo"), r)) for r in cur.fetchall()]
    cur.execute("select code_text.fid, code_name.name, code_name.color, seltext, pos0, pos1, ifnull(code_text.memo,''), "
                "code_cat.name from code_text left join code_name on code_text.cid=code_name.cid "
                "left join code_cat on code_name.catid=code_cat.catid")
    out["codings"] = [dict(zip(("fid", "code", "color", "seltext", "pos0", "pos1", "memo", "category"), r))
                      for r in cur.fetchall()]
    cur.execute("select fid, pos0, pos1, memo from annotation")
    out["annotations"] = [dict(zip(("fid", "pos0", "pos1", "memo"), r)) for r in cur.fetchall()]
    cur.execute("select name, color, ifnull(memo,'') from code_name")
    out["codes"] = [dict(zip(("name", "color", "memo"), r)) for r in cur.fetchall()]
    return out


def do_export(app: App, out: str) -> None:
    outdir = Path(out).parent
    refi.QtWidgets.QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(outdir))
    os.environ["HOME"] = os.environ.get("HOME", "/tmp")
    refi.RefiExport(app, Log(), "project")
    made = outdir / "proj.qdpx"
    os.replace(made, out)


if __name__ == "__main__":
    mode, qdpx, work = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    if mode == "codebook":
        app = new_project(work)
        refi.QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (qdpx, "qdc"))
        refi.RefiImport(app, Log(), "qdc")
        cur = app.conn.cursor()
        cur.execute("select code_name.name, code_name.color, ifnull(code_name.memo,''), code_cat.name from code_name "
                    "left join code_cat on code_name.catid=code_cat.catid")
        Path(sys.argv[4]).write_text(json.dumps(cur.fetchall(), ensure_ascii=False, indent=1))
        print("\n".join(Log.lines))
        sys.exit(0)
    app = do_import(qdpx, work)
    if mode == "import":
        Path(sys.argv[4]).write_text(json.dumps(dump(app), ensure_ascii=False, indent=1))
    else:
        if mode == "build":
            app.conn.executescript(Path(sys.argv[5]).read_text())
            app.conn.commit()
        do_export(app, sys.argv[4])
    print("\n".join(l for l in Log.lines if "rror" in l or "annot" in l.lower()))
