"""`hashiye-cli`: headless commands over a corpus folder (DESIGN §6). Core only, no Qt."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

from .paths import bundled_seeds

# Each module provides `register(subparsers)`; its parsers set `func(args) -> int`.
COMMAND_MODULES = ["cli_articles"]


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


def message(text: str) -> None:
    """One line on stderr."""
    print(" ".join(str(text).split()), file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hashiye-cli", description="Hashiye headless commands")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        sys.stderr.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        message(f"hashiye-cli: {exc}")
        return 2
    except RuntimeFailure as exc:
        message(f"hashiye-cli: {exc}")
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
