"""Reading a `.qdpx` safely: members of a ZIP read with size and ratio limits (zip bombs refused)."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

# Limits against archives that expand without end (zip bombs); a real project is far below them.
MAX_MEMBERS = 100_000
MAX_XML_BYTES = 200 * 1024 * 1024
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024


class QdpxError(ValueError):
    """A file that is not a project Hashiye can read safely; the message says why. Nothing was imported."""




def is_zip(path: Path) -> bool:
    """A ZIP archive by its first bytes: a member, or the end record of an empty archive."""
    with path.open("rb") as fh:
        return fh.read(4) in (b"PK\x03\x04", b"PK\x05\x06")


class _Archive:
    """Members of a ZIP read with size and ratio limits checked before and while reading."""

    def __init__(self, z: zipfile.ZipFile, name: str) -> None:
        self.z = z
        self.name = name
        self.total = 0
        infos = z.infolist()
        if len(infos) > MAX_MEMBERS:
            raise QdpxError(f"it holds {len(infos)} files (more than {MAX_MEMBERS}); refused")
        names = [i.filename.replace("\\", "/") for i in infos if not i.is_dir()]
        self.infos = {i.filename.replace("\\", "/"): i for i in infos if not i.is_dir()}
        if len(self.infos) != len(names):  # tools disagree on which of two same-named members counts
            twice = next(n for n, k in Counter(names).items() if k > 1)
            raise QdpxError(f"it holds two files named {twice}; refused (which one is meant is unclear)")

    def read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        label = info.filename
        if info.file_size > limit:
            raise QdpxError(f"{label} would expand to {info.file_size:,} bytes (limit {limit:,}); refused")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise QdpxError(f"{label} expands {info.file_size // max(info.compress_size, 1):,} times "
                            f"(a zip bomb?); refused")
        out = bytearray()
        with self.z.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                self.total += len(chunk)
                if len(out) > limit or self.total > MAX_TOTAL_BYTES:
                    raise QdpxError(f"{label} expands beyond its declared size and the limits "
                                    f"({limit:,} bytes per file, {MAX_TOTAL_BYTES:,} in all); refused")
                if len(out) > RATIO_FLOOR and len(out) > MAX_RATIO * max(info.compress_size, 1):
                    raise QdpxError(f"{label} expands more than {MAX_RATIO} times (a zip bomb?); refused")
        return bytes(out)
