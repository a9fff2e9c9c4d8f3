"""Saving a file all at once: the new content is written beside it, then swapped in,
so a failed save (a full disk, a lost connection) leaves the old file as it was.

A temporary file is private to its owner (mode 0600); the file it replaces keeps its
permissions, and a new file gets the usual ones (what the umask allows), so a PDF or
handout saved for a colleague or a shared folder is as readable as any other file. A
file marked read-only is not replaced, nor is anything that is not an ordinary file (a
device such as /dev/full, a named pipe).

A path that is a symbolic link is written through: its target is replaced (the temporary
file beside the target) and the link stays, as an editor saving through a link does.

Why a file cannot be saved is worded here once (`destination_refusal`, `write_refusal`),
so a PDF export and a saved handout say the same of the same path.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

NAME_MAX = 255  # bytes in one file or folder name on the usual file systems


def refusal(path: Path, exc: OSError) -> str:
    """Why the file system refused to write `path`, in words, the same for every kind of
    file: a name too long says which and how long, a read-only disk says so."""
    if exc.errno == errno.ENAMETOOLONG:
        long = [part for part in path.parts if len(os.fsencode(part)) > NAME_MAX]
        if not long:
            return "the path is too long for the file system; choose a shorter one"
        what = "file name" if long[-1] == path.name else "folder name"
        size = len(os.fsencode(long[-1]))
        unit = "characters" if size == len(long[-1]) else "bytes as stored"
        return f"the {what} is too long ({size} {unit}; at most {NAME_MAX}); choose a shorter one"
    if exc.errno == errno.EROFS:
        return _READ_ONLY_DISK.format(folder=path.parent)
    if exc.errno == errno.ENOENT and path.parent.is_dir():  # not "No such file": it is
        return f"{path.parent} does not take new files (a system folder); choose another"
    return exc.strerror or str(exc)


_READ_ONLY_DISK = "{folder} is on a read-only disk or share"


def folder_refusal(folder: Path) -> str | None:
    """Why no file can be written in `folder` (it exists), or None if one can."""
    if os.access(folder, os.W_OK):
        return None
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        read_only = False
    return _READ_ONLY_DISK.format(folder=folder) if read_only else \
        f"no permission to write in {folder}"


def destination_refusal(path: Path, extension: str) -> str | None:
    """Why no file can be saved at `path`, in words that name it, checked before anything
    is made; None if it may be written. `extension` (".pdf") is the kind of name to give
    instead of a folder's."""
    try:
        return _destination_refusal(path, extension)
    except OSError as exc:  # a name too long for the file system, say
        return f"cannot write {shown_path(path)}: {refusal(path, exc)}"


def _destination_refusal(path: Path, extension: str) -> str | None:
    if path.is_dir():
        return f"{path} is a folder; give a file name ending in {extension}"
    folder = path.parent
    if path.is_symlink():  # written through the link, beside the file it points to
        folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        above = folder  # the nearest part of the path that is there
        while not above.exists() and above != above.parent:
            above = above.parent
        if above.exists() and not above.is_dir():
            return f"cannot write {path}: {above} is a file, not a folder"
        return f"cannot write {path}: the folder {folder} does not exist"
    refused = folder_refusal(folder)
    return f"cannot write {path}: {refused}" if refused else None


def write_refusal(path: Path, exc: OSError, existed: bool) -> str:
    """Why writing `path` failed (`exc`, from write_atomically), in words; `existed`: a
    file was there before, and is as it was."""
    kept = "; the previous file is unchanged" if existed else ""
    return f"cannot write {shown_path(path)}: {refusal(path, exc)}{kept}"


def exists(path: Path) -> bool:
    """Whether there is a file (or anything) at `path`; False for a path the file system
    cannot even look up, such as a name too long, which saving then names."""
    try:
        return path.exists()
    except OSError:
        return False


SHOWN_NAME = 40  # a longer name in a message is shortened with "..."


def shown_path(path: Path) -> str:
    """The path for a message, each overlong name shortened in the middle."""
    parts = [part if len(part) <= SHOWN_NAME else f"{part[:24]}...{part[-12:]}"
             for part in path.parts]
    return str(Path(*parts)) if parts else str(path)


def _usual_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` (or, if it is a link, the file it points to) with `data`, or raise
    OSError and leave it untouched."""
    path = Path(os.path.realpath(path))  # a link's target, which may not exist yet
    try:
        status = path.stat()
    except FileNotFoundError:
        mode: int | None = None
    else:
        if not stat.S_ISREG(status.st_mode):  # a device or a pipe is never swapped out
            raise OSError(errno.EINVAL, "it is not an ordinary file (a device or pipe)",
                          str(path))
        mode = stat.S_IMODE(status.st_mode)
    if mode is not None and (not mode & 0o222 or not os.access(path, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    # the temporary name is short enough wherever the file's own name fits
    fd, temp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".part",
                                dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on the disk before the old file is let go
        os.chmod(temp, _usual_mode() if mode is None else mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
