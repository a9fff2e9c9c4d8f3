"""Where the built-in content, the resources and the user's folders are.

In a checkout, `content/` and `resources/` sit beside the `explorer/` package. In an
installed wheel they are shipped inside the package as `explorer/_content` and
`explorer/_resources` (see `[tool.setuptools]` in pyproject.toml). Both are tried.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
APP_NAME = "HipExplorer"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def builtin_content_dir() -> Path:
    return _first_existing(_PACKAGE / "_content", _PACKAGE.parent / "content")


def resources_dir() -> Path:
    return _first_existing(_PACKAGE / "_resources", _PACKAGE.parent / "resources")


def diagram_svg() -> Path:
    return resources_dir() / "hip-diagram.svg"


def user_data_dir() -> Path:
    """The platform's per-user application data folder (not created here)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_NAME


def user_content_dir() -> Path:
    """A clinic's own content folder, loaded over the built-in one when it exists."""
    override = os.environ.get("HIP_EXPLORER_USER_CONTENT")
    return Path(override) if override else user_data_dir() / "content"


def content_layers(extra: Sequence[Path] = ()) -> list[Path]:
    """The built-in content, then the user's folder if it exists, then `--content` folders."""
    layers = [builtin_content_dir()]
    user = user_content_dir()
    try:
        if user.is_dir():
            layers.append(user)
    except OSError:  # there but cannot be looked in: loading names it as a problem
        layers.append(user)
    layers.extend(Path(p) for p in extra)
    return layers
