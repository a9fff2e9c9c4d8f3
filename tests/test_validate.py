"""`hip-explorer validate`: every picture drawn, every folder checked, each problem once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from explorer.cli import main

ROOT = Path(__file__).resolve().parent.parent
LABELLED_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="240">'
                '<rect width="400" height="240" fill="#fff"/>'
                '<text x="20" y="120" font-size="20">press knee</text></svg>')


def run_cli(*args: str, timeout: float = 120,
            prefix: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """The command as a user starts it: no display, no Qt platform chosen, no Qt
    application made beforehand (a test's own would hide the command's need of one).
    `prefix`: a command that starts it (see `without_root_powers`)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([*prefix, sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


def without_root_powers() -> list[str]:
    """The start of a command that the system refuses what file modes forbid. Root is
    never refused, so as root the command gives up the powers that let it (as QA did)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("run as root without setpriv: file modes cannot be tested")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


def exercise(folder: Path, name: str, picture: str) -> None:
    (folder / "exercises" / "images").mkdir(parents=True, exist_ok=True)
    (folder / "exercises" / "images" / f"{name}.svg").write_text(picture)
    (folder / "exercises" / f"{name}.yaml").write_text(
        f"id: {name}\nname: {name}\npurpose: p\nsteps: [s]\ndose: {{sets: 1}}\n"
        f"image: images/{name}.svg\n")


def test_a_picture_with_text_is_drawn_and_a_broken_one_reported(tmp_path: Path) -> None:
    """Text in an SVG needs Qt's fonts, which need a Qt application: without one Qt
    aborted the command (exit 134) without a word."""
    exercise(tmp_path, "labelled", LABELLED_SVG)
    result = run_cli("validate", str(tmp_path))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.endswith(": no problems\n")

    exercise(tmp_path, "half", LABELLED_SVG[:len(LABELLED_SVG) // 2])
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 1
    [problem] = result.stderr.splitlines()
    assert problem.startswith(f"{tmp_path}/exercises/half.yaml:6: image: image "
                              "'images/half.svg' is damaged: Premature end of document.")
    assert result.stdout.endswith(": 1 problem\n")


def test_each_folder_is_checked_on_its_own_and_each_problem_said_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`validate A B` loaded B over A, so an entry of A that B replaces went unchecked,
    and said nothing of B replacing it."""
    def folder(name: str, file: str, text: str) -> Path:
        (tmp_path / name / "exercises").mkdir(parents=True)
        (tmp_path / name / "exercises" / file).write_text(text)
        return tmp_path / name

    press = "id: wall-press\nname: Wall press\npurpose: p\nsteps: [s]\ndose: {sets: 1}\n"
    broken = folder("broken", "wall-press.yaml", press + "references: [nope]\n")
    fixed = folder("fixed", "wall-press.yaml", press)
    shared = folder("shared", "odd.yaml", press.replace("wall-press", "odd")
                    + "references: [gone]\n")
    assert main(["--content", str(shared), "validate", str(broken), str(fixed)]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 2, err  # the --content folder's problem once, not once per DIR
    assert lines[0].startswith(f"{broken}/exercises/wall-press.yaml:6: references[0]: "
                               "unknown reference 'nope'")
    assert lines[1].startswith(f"{shared}/exercises/odd.yaml:6: references[0]: "
                               "unknown reference 'gone'")
    # two clinics' folders with the same entry: the layering rule, said in a word
    note, verdict = out.splitlines()
    assert note == (f"note: {fixed}/exercises/wall-press.yaml replaces "
                    f"{broken}/exercises/wall-press.yaml (the later folder wins; give the "
                    "file a new name and id to add an entry instead)")
    assert verdict.startswith("checked 4 folder(s), ") and verdict.endswith(": 2 problems")

    assert main(["validate", str(fixed)]) == 0
    assert capsys.readouterr().out.endswith(": no problems\n")
    assert main(["validate", str(fixed), str(tmp_path / "missing")]) == 2


def test_replacing_a_built_in_entry_or_reference_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """QA: a clinic's new condition saved as hip-labral-tear.yaml replaced the built-in
    labral tear page, and a clinic reference with a built-in id changed every page that
    cites it, with "no problems" and not a word; two clinic folders clashing were named."""
    builtin = ROOT / "content"
    clinic = tmp_path / "clinic"
    (clinic / "conditions").mkdir(parents=True)
    (clinic / "conditions" / "hip-labral-tear.yaml").write_bytes(
        (builtin / "conditions" / "hip-labral-tear.yaml").read_bytes())
    (clinic / "references.yaml").write_text(
        'references:\n  - id: weir2015\n    citation: "Someone else, 2015."\n'
        '  - id: clinic-leaflet\n    citation: "Our leaflet, 2026."\n')
    assert main(["validate", str(clinic)]) == 0  # allowed: the layering rule
    out = capsys.readouterr().out.splitlines()
    assert out[:-1] == [
        f"note: {clinic}/conditions/hip-labral-tear.yaml replaces the built-in "
        "conditions/hip-labral-tear.yaml (the later folder wins; give the file a new name "
        "and id to add an entry instead)",
        f"note: {clinic}/references.yaml replaces reference 'weir2015' of the built-in "
        "references.yaml"]
    assert out[-1].endswith(": no problems")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_reported_not_waited_on(tmp_path: Path) -> None:
    """Reading a pipe waits for a writer: validate, conditions and the window hung."""
    (tmp_path / "conditions").mkdir()
    os.mkfifo(tmp_path / "regions.yaml")
    os.mkfifo(tmp_path / "conditions" / "pipe.yaml")
    result = run_cli("validate", str(tmp_path), timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path}/conditions/pipe.yaml:1: is not a regular file; not read",
        f"{tmp_path}/regions.yaml:1: is not a regular file; not read"]
    result = run_cli("--content", str(tmp_path), "conditions", timeout=60)
    assert result.returncode == 0 and "2 content problem(s)" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="file modes are a POSIX feature")
@pytest.mark.parametrize(("denied", "named", "folders", "effect"), [
    ("clinic", "clinic", 1, "the rest of the content is shown"),
    ("clinic/conditions", "clinic/conditions", 2, "its files are not read"),
    ("", "clinic", 1, "the rest of the content is shown"),  # the folder that holds it
])
def test_a_folder_that_cannot_be_read_is_listed_and_the_rest_checked(
        tmp_path: Path, denied: str, named: str, folders: int, effect: str) -> None:
    """QA (chmod 000): an unreadable clinic folder stopped validate at "DIR/conditions:
    Permission denied"; an unreadable conditions/ passed as "no problems"."""
    prefix = without_root_powers()
    clinic = tmp_path / "clinic"
    (clinic / "conditions").mkdir(parents=True)
    exercise(clinic, "labelled", LABELLED_SVG)
    (tmp_path / denied).chmod(0)
    try:
        result = run_cli("validate", str(clinic), prefix=prefix)
    finally:
        (tmp_path / denied).chmod(0o755)
    assert result.stderr.splitlines() == [
        f"{tmp_path / named}: cannot be read: Permission denied; {effect}"]
    assert result.returncode == 1
    assert result.stdout.startswith(f"checked {folders} folder(s), ")
    assert result.stdout.endswith(": 1 problem\n")


@pytest.mark.parametrize(("make", "reason"), [
    ("file", "is a file, not a folder"),
    ("loop", "is a link that loops"),
])
def test_an_entry_folder_that_is_not_a_folder_fails_validate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str, reason: str) -> None:
    """QA: conditions/ as a plain file or a link loop passed as "no problems" (exit 0)."""
    conditions = tmp_path / "conditions"
    if make == "file":
        conditions.write_text("x\n")
    else:
        try:
            conditions.symlink_to("conditions")
        except (OSError, NotImplementedError):
            pytest.skip("symbolic links are not available here")
    assert main(["validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"{conditions}: {reason}; its files are not read"]
    assert out.endswith(": 1 problem\n")


def test_a_broken_regions_file_is_the_first_problem_listed(
        mini: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA: a YAML mistake in the built-in regions.yaml came last of 60 problems, after an
    "unknown region" for every region named anywhere."""
    regions = mini / "regions.yaml"
    regions.write_text(regions.read_text().replace("  - id: front", "  - id: [front", 1))
    monkeypatch.setattr("explorer.paths.builtin_content_dir", lambda: mini)
    assert main(["validate"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{regions}:3: YAML syntax: expected ',' or ']', but got ':' (while parsing a "
        "[ ] list that starts on line 2)",
        f"{regions}:3: because of this, 4 files name regions that could not be loaded "
        "(7 names left out and 4 conditions not shown); fix this file first"]
    assert out.endswith(": 2 problems\n")


def test_a_user_content_setting_naming_a_file_is_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """HIP_EXPLORER_USER_CONTENT naming a file was skipped without a word, and validate
    said "no problems"."""
    file = tmp_path / "content.yaml"
    file.write_text("regions: []\n")
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(file))
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"hip-explorer: note: HIP_EXPLORER_USER_CONTENT names {file}, which is a file, not "
        "a folder; it is left out (name a folder of content instead)\n")
    assert captured.out.endswith(": no problems\n")
    monkeypatch.setenv("HIP_EXPLORER_USER_CONTENT", str(tmp_path / "not-made-yet"))
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == ""  # a folder not made yet: nothing to say
