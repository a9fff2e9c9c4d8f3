"""A cache of validated content, so start-up does not re-check unchanged files.

The cache stores the content with a key: the program and Python versions and the path,
size, modification time and permissions of every file in every layer (a linked
conditions/ too), of the diagram and of the model's own modules (so a changed model in a
checkout never reads old objects). Any difference means a full, strict load. The cache
lives in the user's cache folder (it is written and read only by this program); a damaged
or unreadable cache is ignored and rebuilt. The loader (and with it PyYAML and pydantic)
is imported only on a miss.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__
from explorer.model.content import Content

CACHE_FILE = "content.pickle"


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


def cache_key(layers: Sequence[Path], svg_file: Path | None) -> str:
    """Changes whenever a file that the content is read from changes."""
    parts = [__version__, sys.version]
    files = sorted(Path(__file__).parent.glob("*.py")) + ([] if svg_file is None else [svg_file])
    for layer in layers:
        parts.append(f"layer:{Path(layer).resolve()}")
        try:
            files += _layer_files(Path(layer)) if Path(layer).is_dir() else []
        except OSError:  # a folder that cannot be looked in: loading names it
            parts.append(f"unreadable:{layer}")
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}|{info.st_mode:o}")
    return "\n".join(parts)


def _layer_files(layer: Path) -> list[Path]:
    """What the loader looks at in a layer: everything under it, as its check for stray
    files walks it (not into linked folders), and the files of a folder in the layer that
    is a link to a folder (conditions/ linked to a shared folder: the loader reads those).
    A link is followed one level only, so one that loops back costs nothing."""
    files = sorted(layer.rglob("*"))
    with os.scandir(layer) as entries:
        linked = [Path(entry.path) for entry in entries if entry.is_symlink()]
    for folder in linked:
        try:  # is_dir: False for a link that loops or leads nowhere
            files += sorted(folder.iterdir()) if folder.is_dir() else []
        except OSError:  # cannot be listed: loading names it (as rglob, left out here)
            continue
    return files


def _read(path: Path, key: str) -> Content | None:
    try:
        with path.open("rb") as handle:
            stored_key, content = pickle.load(handle)
    except Exception:  # missing, damaged or from another version: rebuild
        return None
    return content if stored_key == key and isinstance(content, Content) else None


def _write(folder: Path, key: str, content: Content) -> None:
    from explorer.files import write_atomically  # only when the cache is rebuilt

    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps((key, content), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomically(folder / CACHE_FILE, data)  # no temporary file left if it fails
        for old in folder.glob("content-*.pickle"):  # an older layout: one file per key
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache folder only costs speed


def load_content_cached(layers: Sequence[Path], svg_file: Path | None = None) -> Content:
    folder = cache_dir()
    key = cache_key(layers, svg_file) if folder is not None else ""
    content = _read(folder / CACHE_FILE, key) if folder is not None else None
    if content is None:
        from explorer.model.loader import load_content

        content = load_content(layers, svg_file)
        if folder is not None:
            _write(folder, key, content)
    return content
