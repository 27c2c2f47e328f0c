"""Bundled data files: fonts, icons, desktop entry."""

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a bundled resource."""
    return Path(str(files(__name__).joinpath(*parts)))
