"""The matching tables kept in the user cache are the ones the scan builds (start-up reads them instead)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CODE = ("from hashiye.core.text import normalize as n; import json, sys; "
        "loaded = n._load_tables(); n._build_inverse(); "
        "print(json.dumps([loaded, n._inverse, sorted(n._FAST_KEY.items()), n.match_key_lines('كتاب‌هاي ۱۲ آب')]))")


def _fresh(cache: Path) -> list[object]:
    import json
    import os

    env = dict(os.environ, HASHIYE_CACHE_DIR=str(cache))
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_the_cached_tables_equal_the_built_ones(tmp_path: Path) -> None:
    built = _fresh(tmp_path)
    assert built[0] is False  # nothing cached yet: built by the scan, then kept
    assert list((tmp_path / "tables").glob("match-*.json"))
    again = _fresh(tmp_path)
    assert again[0] is True
    assert again[1:] == built[1:]
    assert again[3] == "کتاب های 12 اب"


def test_a_damaged_table_file_is_built_again(tmp_path: Path) -> None:
    built = _fresh(tmp_path)
    (table,) = (tmp_path / "tables").glob("match-*.json")
    for damage in ('{"not": "ours"}', '[{"a": 1}, []]', "[{}, [[1, 2]]]", '[{"a"', "[{}, []]",
                   '[{"": "", " ": " "}, [[1114112, "a"]]]', '[{"": "", " ": " "}, [["x", "a"]]]'):
        table.write_text(damage, "utf-8")
        again = _fresh(tmp_path)
        assert again[0] is False, damage
        assert again[1:] == built[1:], damage
