"""Saved files are as readable as any other file the user makes: a PDF or handout is
not left private (0600) by the temporary file it was written through, and a file that
is replaced keeps its permissions."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.model.handout import Handout, write_handout

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
