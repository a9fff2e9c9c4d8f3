"""The content cache: a warm start skips parsing, any edit is seen, a damaged or
unwritable cache costs speed and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DIAGRAM

from explorer.model import cache, loader


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("HIP_EXPLORER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the strict (uncached) loads."""
    calls: list[int] = []
    real = loader.load_content

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_content", counting)
    return calls


def test_second_load_comes_from_the_cache(mini: Path, cache_folder: Path,
                                          loads: list[int]) -> None:
    first = cache.load_content_cached([mini], DIAGRAM)
    second = cache.load_content_cached([mini], DIAGRAM)
    assert len(loads) == 1
    assert (cache_folder / cache.CACHE_FILE).is_file()
    assert second.conditions == first.conditions
    assert second.regions == first.regions


def test_an_edited_file_is_read_again(mini: Path, cache_folder: Path,
                                      loads: list[int]) -> None:
    cache.load_content_cached([mini], DIAGRAM)
    path = mini / "conditions/front-thing.yaml"
    text = path.read_text()
    path.write_text(text.replace("name: Front thing", "name: Front thing, edited"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    content = cache.load_content_cached([mini], DIAGRAM)
    assert len(loads) == 2
    assert content.conditions["front-thing"].name == "Front thing, edited"


def test_a_file_made_unreadable_or_readable_again_is_seen(mini: Path, cache_folder: Path,
                                                          loads: list[int]) -> None:
    """Only the permissions changed (chmod keeps the size and the modification time):
    the cache kept showing the file's entry, or kept its problem after it was fixed."""
    path = mini / "conditions/front-thing.yaml"
    cache.load_content_cached([mini], DIAGRAM)
    path.chmod(0)
    try:
        unreadable = cache.load_content_cached([mini], DIAGRAM)
    finally:
        path.chmod(0o644)
    assert len(loads) == 2
    if os.geteuid() != 0:  # root reads it all the same
        assert "front-thing" not in unreadable.conditions
        assert any(p.path == path for p in unreadable.problems)
    again = cache.load_content_cached([mini], DIAGRAM)
    assert len(loads) == 3 and "front-thing" in again.conditions and not again.problems


def test_a_new_layer_or_a_new_file_is_seen(mini: Path, tmp_path: Path, cache_folder: Path,
                                           loads: list[int]) -> None:
    cache.load_content_cached([mini], DIAGRAM)
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    cache.load_content_cached([mini, clinic], DIAGRAM)
    (mini / "notes.txt").write_text("a clinician's note")
    cache.load_content_cached([mini, clinic], DIAGRAM)
    assert len(loads) == 3


def test_an_edited_diagram_is_read_again(mini: Path, tmp_path: Path, cache_folder: Path,
                                         loads: list[int]) -> None:
    svg = tmp_path / "diagram.svg"
    svg.write_text(DIAGRAM.read_text())
    first = cache.load_content_cached([mini], svg)
    assert first.diagram is not None and first.diagram.source == str(svg)
    svg.write_text(DIAGRAM.read_text().replace('viewBox="0 0 300 100"', 'viewBox="5 0 300 100"'))
    os.utime(svg, ns=(svg.stat().st_atime_ns, svg.stat().st_mtime_ns + 10**9))
    second = cache.load_content_cached([mini], svg)
    assert len(loads) == 2
    assert second.diagram is not None
    assert second.diagram.view_box[0] == 5 and first.diagram.view_box[0] != 5


def test_a_damaged_cache_is_rebuilt(mini: Path, cache_folder: Path, loads: list[int]) -> None:
    cache.load_content_cached([mini], DIAGRAM)
    (cache_folder / cache.CACHE_FILE).write_bytes(b"\x80\x05not a pickle at all")
    content = cache.load_content_cached([mini], DIAGRAM)
    assert "front-thing" in content.conditions
    assert len(loads) == 2
    cache.load_content_cached([mini], DIAGRAM)
    assert len(loads) == 2  # rewritten, so the next start is fast again


def test_an_unwritable_cache_folder_only_costs_speed(mini: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     loads: list[int]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("HIP_EXPLORER_CACHE_DIR", str(blocker / "cache"))
    for _ in range(2):
        assert "front-thing" in cache.load_content_cached([mini], DIAGRAM).conditions
    assert len(loads) == 2


def test_a_cache_that_cannot_be_replaced_leaves_no_temporary_files(
        mini: Path, cache_folder: Path, loads: list[int]) -> None:
    (cache_folder / cache.CACHE_FILE).mkdir(parents=True)  # in the way of the cache file
    for _ in range(3):
        assert "front-thing" in cache.load_content_cached([mini], DIAGRAM).conditions
    assert len(loads) == 3
    assert [p.name for p in cache_folder.iterdir()] == [cache.CACHE_FILE]


def test_a_warm_start_reads_no_yaml_and_imports_no_qt(tmp_path: Path) -> None:
    """The window's content comes from the cache without PyYAML or pydantic, and before
    PySide6 is imported (its import hook taxes every later import)."""
    script = (
        "import sys\n"
        "from explorer.cli import content_layers\n"
        "from explorer.ui.startup import load_window_content\n"
        "content = load_window_content(content_layers())\n"
        "print(len(content.conditions),"
        " sorted(m for m in ('yaml', 'pydantic', 'PySide6') if m in sys.modules))\n"
    )
    env = {**os.environ, "HIP_EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, check=True, timeout=60).stdout.split(" ", 1)
            for _ in range(2)]
    assert runs[0][1].strip() == "['pydantic', 'yaml']"  # cold: a strict load
    assert runs[1][1].strip() == "[]"  # warm: the cache only
    assert runs[0][0] == runs[1][0] and int(runs[1][0]) >= 15


def test_an_edit_in_a_linked_folder_is_read_again(mini: Path, tmp_path: Path,
                                                  cache_folder: Path, loads: list[int]) -> None:
    """A clinic's conditions/ that is a link to a shared folder: the loader reads its
    files, so an edit there (saved in place, the folder itself unchanged) is seen. Links
    that loop back do not stop the start."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (mini / "conditions").rename(shared / "conditions")
    try:
        (mini / "conditions").symlink_to(shared / "conditions", target_is_directory=True)
        (mini / "again").symlink_to(mini, target_is_directory=True)  # a loop
        (mini / "itself").symlink_to(mini / "itself")  # a link to itself
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    assert cache.load_content_cached([mini], DIAGRAM).conditions["front-thing"]
    path = shared / "conditions/front-thing.yaml"
    folder_time = path.parent.stat().st_mtime_ns
    with path.open("r+", encoding="utf-8") as handle:  # in place, as nano saves
        text = handle.read().replace("name: Front thing", "name: Front thing, edited")
        handle.seek(0)
        handle.write(text)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    os.utime(path.parent, ns=(folder_time, folder_time))
    content = cache.load_content_cached([mini], DIAGRAM)
    assert content.conditions["front-thing"].name == "Front thing, edited"
    assert len(loads) == 2
    cache.load_content_cached([mini], DIAGRAM)
    assert len(loads) == 2  # and the next start is from the cache again
