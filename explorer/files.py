"""Saving a file all at once: the new content is written beside it, then swapped in.

A temporary file is private to its owner (mode 0600); the file it replaces keeps its
permissions, and a new file gets the usual ones (what the umask allows), so a PDF or
handout saved for a colleague or a shared folder is as readable as any other file.
"""

from __future__ import annotations

import os
from pathlib import Path


def _usual_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_keeping_mode(temp: Path | str, path: Path) -> None:
    """Move the finished `temp` onto `path` (OSError if that fails)."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:  # a new file
        mode = _usual_mode()
    os.chmod(temp, mode)
    os.replace(temp, path)
