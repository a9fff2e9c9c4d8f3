"""Saving a PDF or a handout: all at once or not at all (a full disk never leaves a
damaged file in place of a good one), never over a read-only file, and as readable as
any other file the user makes (not left private, 0600, by the temporary file it was
written through; a replaced file keeps its permissions)."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.model.handout import Handout, HandoutError, write_handout
from explorer.report.output import ExportError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def export_pdf(path: Path) -> None:
    assert main(["export", "-o", str(path), "--condition", "hip-labral-tear"]) == 0


def save_handout(path: Path) -> None:
    write_handout(path, Handout(patient="Ana"))


@pytest.mark.parametrize("save", [export_pdf, save_handout], ids=["pdf", "handout"])
def test_a_new_file_gets_the_usual_permissions(tmp_path: Path, umask_022: None,
                                               save: Callable[[Path], None]) -> None:
    path = tmp_path / "out.pdf"
    save(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temporary file left


@pytest.mark.parametrize("save", [export_pdf, save_handout], ids=["pdf", "handout"])
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, umask_022: None,
                                               save: Callable[[Path], None]) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")
    path.chmod(0o640)
    save(path)
    assert path.read_bytes() != b"old"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def export_pdf_quietly(path: Path) -> None:
    """The export as the window does it (errors raised, not printed)."""
    from explorer.cli import ensure_gui_app, load
    from explorer.paths import diagram_svg
    from explorer.report.documents import summary_job
    from explorer.report.output import write_pdf
    from explorer.report.pages import Header
    from explorer.ui.diagram_art import DiagramArt

    ensure_gui_app()  # as the window has it
    content = load(())
    art = DiagramArt(diagram_svg(), list(content.regions), content.diagram)
    job = summary_job(content, art, content.conditions["hip-labral-tear"], "right")
    write_pdf(path, job, Header(job.title))


# each test runs for an exported PDF and a saved handout: both write files the same way
BOTH_SAVES = pytest.mark.parametrize(("save", "error"), [(export_pdf_quietly, ExportError),
                                                         (save_handout, HandoutError)],
                                     ids=["pdf", "handout"])


@BOTH_SAVES
def test_a_full_disk_leaves_the_old_file_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save: Callable[[Path], None],
        error: type[Exception]) -> None:
    path = tmp_path / "out.pdf"
    save(path)
    before = path.read_bytes()

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(error, match=r"No space left on device.*previous file is unchanged"):
        save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


@BOTH_SAVES
def test_a_read_only_file_is_not_replaced(tmp_path: Path, save: Callable[[Path], None],
                                          error: type[Exception]) -> None:
    path = tmp_path / "out.pdf"
    path.write_bytes(b"kept")
    path.chmod(0o444)
    with pytest.raises(error, match="read-only"):
        save(path)
    assert path.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


@pytest.mark.parametrize("save", [export_pdf, save_handout], ids=["pdf", "handout"])
def test_saving_to_a_link_writes_the_file_it_points_to(tmp_path: Path, umask_022: None,
                                                       save: Callable[[Path], None]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "plan.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "plan.pdf"
    link.symlink_to(Path("shared") / "plan.pdf")
    save(link)
    assert link.is_symlink() and link.readlink() == Path("shared") / "plan.pdf"
    assert target.read_bytes() != b"old"  # the file the link points to is the new one
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # and keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf", "shared"]
    assert [p.name for p in shared.iterdir()] == ["plan.pdf"]  # no temporary file left
    # a link to a file not yet made makes it
    dangling = tmp_path / "new.pdf"
    dangling.symlink_to(Path("shared") / "new.pdf")
    save(dangling)
    assert dangling.is_symlink() and (shared / "new.pdf").stat().st_size > 0


@BOTH_SAVES
def test_a_pipe_or_a_link_to_one_is_never_replaced_by_a_file(
        tmp_path: Path, save: Callable[[Path], None], error: type[Exception]) -> None:
    """Saving through a link swapped a file in for whatever it pointed to: a named pipe
    (or, as root, /dev/full) became an ordinary file and "wrote" was reported."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "out.pdf"
    link.symlink_to(pipe)
    for path in (pipe, link):
        with pytest.raises(error, match="not an ordinary file"):
            save(path)
        assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf", "pipe"]


@BOTH_SAVES
def test_a_folder_on_a_read_only_disk_is_named_as_such(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save: Callable[[Path], None],
        error: type[Exception]) -> None:
    """Export said "no permission to write in ..." and Save "Read-only file system" for
    the same folder on a read-only disk (a write-protected USB stick, a read-only share)."""
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return False if Path(str(path)) == tmp_path and mode == os.W_OK else \
            real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    class ReadOnly:
        f_flag = os.ST_RDONLY

    def read_only_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("os.access", access)
    monkeypatch.setattr("os.statvfs", lambda _path: ReadOnly())
    monkeypatch.setattr("tempfile.mkstemp", read_only_disk)
    path = tmp_path / "out.pdf"
    with pytest.raises(error) as raised:
        save(path)
    assert str(raised.value) == f"cannot write {path}: {tmp_path} is on a read-only disk or share"
    assert not path.exists()


def test_save_and_export_say_the_same_of_the_same_path(tmp_path: Path) -> None:
    """Saving to a folder's name said "(it is not an ordinary file (a device or pipe))"
    where Export said "is a folder"; a missing folder, "cannot write in /nonexistent (No
    such file or directory)" where Export said "the folder ... does not exist"."""
    (tmp_path / "notes").write_text("a file")
    for name, message in [
            ("a-folder", "{path} is a folder; give a file name ending in {extension}"),
            ("missing/out{extension}",
             "cannot write {path}: the folder {tmp_path}/missing does not exist"),
            ("notes/out{extension}",
             "cannot write {path}: {tmp_path}/notes is a file, not a folder")]:
        (tmp_path / "a-folder").mkdir(exist_ok=True)
        for save, error, extension in [(export_pdf_quietly, ExportError, ".pdf"),
                                       (save_handout, HandoutError, ".json")]:
            path = tmp_path / name.format(extension=extension)
            with pytest.raises(error) as raised:
                save(path)
            assert str(raised.value) == message.format(path=path, tmp_path=tmp_path,
                                                       extension=extension)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "notes"]
    assert list((tmp_path / "a-folder").iterdir()) == []


@pytest.mark.skipif(not (Path("/proc/self").is_dir() and os.access("/proc", os.W_OK)),
                    reason="needs Linux's /proc, and root (else: no permission to write)")
@pytest.mark.parametrize(("save", "error"), [(export_pdf_quietly, ExportError),
                                             (save_handout, HandoutError)],
                         ids=["pdf", "handout"])
def test_a_system_folder_that_takes_no_new_files_is_named_as_such(
        save: Callable[[Path], None], error: type[Exception]) -> None:
    """Saving in /proc said "No such file or directory" of a folder that is there."""
    path = Path("/proc/hip-explorer-test.pdf")
    with pytest.raises(error) as raised:
        save(path)
    assert str(raised.value) == (f"cannot write {path}: /proc does not take new files "
                                 "(a system folder); choose another")
