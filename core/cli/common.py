"""What every `hashiye-cli` command shares: options, output, errors (DESIGN §6)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from ..files.paths import bundled_seeds


class UsageError(Exception):
    """Bad usage that argparse cannot see (exit status 2)."""


class RuntimeFailure(Exception):
    """A runtime error: unknown article, unreadable folder (exit status 1)."""


def add_corpus(parser: argparse.ArgumentParser) -> None:
    """Add the shared `--corpus DIR` and `--json` options."""
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: bundled seeds)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def corpus_of(args: argparse.Namespace) -> Path:
    return args.corpus if args.corpus is not None else bundled_seeds()


def print_json(data: Any) -> None:
    """Print one JSON document: UTF-8, no ASCII escapes."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """`text` for a terminal line: control characters (a line break or an escape sequence in a file
    name or a title) written as `\\xNN`, so they can neither break the line nor drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def message(text: str) -> None:
    """One line on stderr."""
    print(one_line(" ".join(str(text).split())), file=sys.stderr)


def write_user_file(corpus: Path, target: Path, data: bytes) -> None:
    """Write a file the user named (`-o`, `--qdc`) atomically, never onto the corpus's articles or
    sidecars; every refusal or failure becomes one message."""
    from ..exchange.output_guard import ProtectedPath, refuse_corpus_target
    from ..files.atomic import write_output

    try:
        refuse_corpus_target(corpus, target)
    except ProtectedPath as exc:
        raise UsageError(str(exc)) from None
    try:
        write_output(target, data)
    except OSError as exc:
        raise RuntimeFailure(f"cannot write {target}: {exc.strerror or exc}") from exc
