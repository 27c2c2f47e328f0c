"""Installed from a wheel (not the source tree): resources come from the package, samples are
copied to the user's data folder, and annotations are never written inside the package."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
import hashiye
from hashiye.core.paths import bundled_seeds
from hashiye.core.article import load_article
from hashiye.core.annotations import new_annotation
from hashiye.core.store import AnnotationStore
from hashiye.resources import resource_path
corpus = bundled_seeds()
art = load_article(sorted(corpus.glob("*.txt"))[0])
AnnotationStore(corpus).save_change(art, upsert=[new_annotation(art.id, art.source_text, 0, 10)])
print(json.dumps({"package": hashiye.__file__, "corpus": str(corpus),
                  "articles": len(list(corpus.glob("*.txt"))),
                  "sidecars": [str(p) for p in corpus.glob("*.annotations.json")],
                  "font": resource_path("fonts", "Vazirmatn-Regular.ttf").is_file(),
                  "desktop": resource_path("hashiye.desktop").is_file()}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and installed into a folder of its own."""
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    [wheel] = (tmp / "dist").glob("hashiye-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(tmp / "site"),
                    str(wheel)], check=True, capture_output=True, timeout=600)
    return tmp / "site"


def run(site: Path, data: Path, *args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(site), HASHIYE_DATA_DIR=str(data), **(extra or {}))
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=120)


def test_samples_are_copied_and_annotated_outside_the_package(installed: Path, tmp_path: Path) -> None:
    out = run(installed, tmp_path / "data", "-c", PROBE)
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["package"].startswith(str(installed)), "the installed copy, not the source tree"
    assert info["corpus"] == str(tmp_path / "data" / "samples") and info["articles"] == 5
    assert info["sidecars"] and all(s.startswith(str(tmp_path / "data")) for s in info["sidecars"])
    assert not list(installed.rglob("*.annotations.json")), "nothing written inside the package"
    assert info["font"] and info["desktop"]


def test_cli_lists_the_samples_when_installed(installed: Path, tmp_path: Path) -> None:
    out = run(installed, tmp_path / "data", "-m", "hashiye.core.cli", "list", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["articles"]) == 5 and data["corpus"] == str(tmp_path / "data" / "samples")


def test_window_starts_from_the_wheel_on_the_samples_in_the_remembered_language(installed: Path,
                                                                                  tmp_path: Path) -> None:
    env_extra = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    first = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--startup-check", "--language", "en",
                "--theme", "dark", extra=env_extra)
    assert first.returncode == 0, first.stderr
    assert "first paint" in first.stderr
    conf = (tmp_path / "config" / "Hashiye" / "Hashiye.conf").read_text(encoding="utf-8")
    assert "language=en" in conf and "theme=dark" in conf
    assert str(tmp_path / "data" / "samples") in conf, "the sample folder is remembered as the last one"
    again = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--startup-check", extra=env_extra)
    assert again.returncode == 0, again.stderr
    assert "article 00" in again.stderr


def test_desktop_menu_entry_installed_from_the_wheel_starts_the_window(installed: Path, tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    env_extra = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                 "XDG_DATA_HOME": str(data_home)}
    out = run(installed, tmp_path / "data", "-m", "hashiye.gui.app", "--install-desktop", extra=env_extra)
    assert out.returncode == 0, out.stderr
    entry = data_home / "applications" / "hashiye.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "hashiye.svg"
    assert out.stdout.split() == [str(entry), str(icon)]
    assert icon.read_text(encoding="utf-8").lstrip().startswith(("<svg", "<?xml"))
    fields = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert fields["Type"] == "Application" and fields["Icon"] == "hashiye" and fields["Name[fa]"] == "حاشیه"
    validator = shutil.which("desktop-file-validate")
    if validator:  # the freedesktop validator, where installed; the checks above hold everywhere
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    command = shlex.split(fields["Exec"].replace("%f", ""))
    started = subprocess.run([*command, "--startup-check"], capture_output=True, text=True, timeout=120,
                             env=dict(os.environ, PYTHONPATH=str(installed), HASHIYE_DATA_DIR=str(tmp_path / "data"),
                                      **env_extra))
    assert started.returncode == 0, started.stderr
    assert "first paint" in started.stderr
