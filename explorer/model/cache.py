"""A cache of validated content, so start-up does not re-check unchanged files.

The key covers the program version and the path, size and modification time of every
file in every layer and of the diagram; any change means a full, strict load. The
cache lives in the user's cache folder (it is written and read only by this program;
a damaged or unreadable cache is ignored and rebuilt).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__
from explorer.model.content import Content
from explorer.model.loader import load_content


def cache_dir() -> Path | None:
    """None disables caching (HIP_EXPLORER_CACHE_DIR=off)."""
    override = os.environ.get("HIP_EXPLORER_CACHE_DIR")
    if override:
        return None if override == "off" else Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "HipExplorer"


def _key(layers: Sequence[Path], svg_file: Path | None) -> str:
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for layer in layers:
        digest.update(f"layer:{Path(layer).resolve()}".encode())
        paths = sorted(Path(layer).rglob("*")) if Path(layer).is_dir() else []
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                continue
            digest.update(f"{path}|{info.st_size}|{info.st_mtime_ns}".encode())
    if svg_file is not None and svg_file.exists():
        info = svg_file.stat()
        digest.update(f"{svg_file}|{info.st_size}|{info.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def load_content_cached(layers: Sequence[Path], svg_file: Path | None = None) -> Content:
    folder = cache_dir()
    if folder is None:
        return load_content(layers, svg_file)
    path = folder / f"content-{_key(layers, svg_file)}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Content):
            return cached
    except Exception:
        pass
    content = load_content(layers, svg_file)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(content, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only cache folder only costs speed
    return content
