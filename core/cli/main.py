"""`hashiye-cli`: headless commands over a corpus folder (DESIGN §6). Core only, no Qt."""

from __future__ import annotations

import argparse
import importlib
import io
import sys

from .common import RuntimeFailure, UsageError, message

# Each module provides `register(subparsers)`; its parsers set `func(args) -> int`.
COMMAND_MODULES = ["articles", "annotations", "search", "history", "analysis"]
# Commands whose module alone is imported when the command is named first (start-up time).
COMMAND_OF = {"search": "search", "list": "articles"}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `command` alone when its module is known."""
    parser = argparse.ArgumentParser(prog="hashiye-cli", description="Hashiye headless commands")
    sub = parser.add_subparsers(dest="command", required=True)
    names = [COMMAND_OF[command]] if command in COMMAND_OF else COMMAND_MODULES
    for name in names:
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")  # a name that is not UTF-8 never crashes output
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv[0] if argv else None)
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
