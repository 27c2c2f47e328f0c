"""`hashiye-cli`: headless commands over a corpus folder (DESIGN §6). Core only, no Qt."""

from __future__ import annotations

import argparse
import importlib
import io
import sys

from .cli_common import RuntimeFailure, UsageError, message

# Each module provides `register(subparsers)`; its parsers set `func(args) -> int`.
COMMAND_MODULES = ["cli_articles", "cli_annotations", "cli_search", "cli_history", "cli_analysis"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hashiye-cli", description="Hashiye headless commands")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")  # a name that is not UTF-8 never crashes output
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
