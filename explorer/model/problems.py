"""Problems found while loading content, reported as `path:line: field: message` (one
about a whole folder as `full path: message`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

WHOLE_FOLDER = 0  # the line of a problem about a whole folder (a missing one, say)


@dataclass(frozen=True, order=True)
class Problem:
    """Problems sort by their fields in this order: by file, then line."""

    path: Path
    line: int
    # A consequence of another problem at the same line (say, the entries left without
    # the regions of a broken regions.yaml) is listed after it: the cause comes first.
    follow_on: bool = dataclasses.field(default=False, kw_only=True)
    field: str
    message: str

    def __str__(self) -> str:
        return self.text()

    def text(self, full_path: bool = False) -> str:
        """`path:line: field: message`; the path relative to the working folder where it
        lies inside it, unless `full_path` (a window, whose working folder means nothing
        to its user)."""
        if self.line == WHOLE_FOLDER:  # its full path: a short name alone could be anywhere
            where = f"{self.path.absolute()}:"
        else:
            path = self.path.absolute() if full_path else _shown(self.path)
            where = f"{path}:{self.line}:"
        return f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"


def _shown(path: Path) -> str:
    """The path relative to the working folder when it lies inside it (shorter to read)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (3.11)
        return str(path)
