"""Bundled data files: fonts, icons, desktop entry, AppStream metainfo."""

from importlib.resources import files
from pathlib import Path

# One name for the desktop file id, the AppStream component id and the Wayland app id,
# so desktops match the running window to its menu entry and icon.
APP_ID = "io.github.hashiye.Hashiye"
ICON_NAME = "hashiye"  # the desktop entry's Icon= (the theme name of icons/hashiye.svg)


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a bundled resource."""
    return Path(str(files(__name__).joinpath(*parts)))
