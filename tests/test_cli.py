"""The command line: exit codes, messages on stderr, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.paths import builtin_content_dir

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_validate_broken_folder_prints_file_line_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "conditions").mkdir()
    (tmp_path / "conditions/broken.yaml").write_text("id: broken\nname: [x\n")
    result = run("validate", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "conditions/broken.yaml:3: YAML syntax" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "missing"))
    assert result.returncode == 2 and "missing: there is no such folder" in result.stderr
    assert run("validate", "--bogus").returncode == 2


def test_conditions_json_for_region(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conditions", "--region", "outer", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows, "the built-in content has conditions at the outer hip"
    for row in rows:
        assert {"id", "name", "aliases", "regions", "urgency", "reasons"} <= set(row)
        assert "outer" in row["regions"]
    assert rows[0]["regions"][0] == "outer"  # main-region matches come first


def test_conditions_unknown_region_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conditions", "--region", "knee"]) == 2
    err = capsys.readouterr().err
    assert "unknown region knee" in err and "front" in err


def test_export_needs_a_pdf_file_name(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.txt"
    assert main(["export", "-o", str(out), "--condition", "hip-labral-tear"]) == 2
    assert "the file name must end in .pdf" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_export_of_an_unknown_condition_suggests_its_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An alias or a misspelling is told the id, as validate tells a misspelled field."""
    out = tmp_path / "out.pdf"
    assert main(["export", "-o", str(out), "--condition", "gtps",
                 "--condition", "hip-labral-tera", "--condition", "knee"]) == 2
    assert ("hip-explorer: unknown condition gtps (did you mean "
            "'greater-trochanteric-pain-syndrome'?); unknown condition hip-labral-tera (did "
            "you mean 'hip-labral-tear'?); unknown condition knee; run 'hip-explorer "
            "conditions' to list the ids"
            in capsys.readouterr().err)
    assert not out.exists()


def test_each_suggestion_is_said_with_the_name_it_is_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"unknown condition nope, gtps (did you mean ...?)" read as one suggestion for both."""
    assert main(["export", "-o", str(tmp_path / "x.pdf"), "--condition", "nope",
                 "--condition", "gtps"]) == 2
    assert capsys.readouterr().err.endswith(
        ": unknown condition nope; unknown condition gtps (did you mean "
        "'greater-trochanteric-pain-syndrome'?); run 'hip-explorer conditions' to list the "
        "ids\n")


def test_conditions_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conditions", "-r", "back"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(" 1. ") and "Main area: " in out


def test_conditions_text_output_shows_the_ids_the_hint_sends_to(
        capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --condition says to run `conditions` to list the ids; it listed names."""
    assert main(["export", "-o", "never-written.pdf", "--condition", "nope"]) == 2
    assert "run 'hip-explorer conditions' to list the ids" in capsys.readouterr().err
    assert main(["conditions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert " 1. Iliopsoas-related groin pain (hip flexor strain or tendinopathy) (id: " \
           "iliopsoas-related-groin-pain) [Routine]: Main area: Front of the hip" in lines
    assert main(["conditions", "-r", "back"]) == 0
    assert capsys.readouterr().out.startswith(
        " 1. Pain referred from the lower back (id: referred-lumbar-pain) [Routine]: ")


def test_global_content_layer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conditions").mkdir()
    (tmp_path / "conditions/clinic-special.yaml").write_text(
        "id: clinic-special\nname: Clinic special\nregions: [back]\nurgency: routine\n"
        "summary: s\nsymptoms: [x]\nred_flags: []\nreferences: [wilson2014, chamberlain2021]\n"
        "reviewed: '2026-01-01'\n"
    )
    assert main(["--content", str(tmp_path), "conditions", "-r", "back", "--json"]) == 0
    assert "clinic-special" in [r["id"] for r in json.loads(capsys.readouterr().out)]


def test_documented_example_clinic_folder(capsys: pytest.CaptureFixture[str]) -> None:
    example = ROOT / "docs" / "example-clinic"
    assert main(["validate", str(example)]) == 0
    capsys.readouterr()
    assert main(["--content", str(example), "conditions", "-r", "front", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert "hip-flexor-overuse-hills" in [r["id"] for r in rows]


def test_page_sizes_sides_and_regions_are_read_in_any_case(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"--page-size a4" and "--region Outer" were refused as invalid choices."""
    from pypdf import PdfReader

    out = tmp_path / "outer.pdf"
    assert main(["export", "-o", str(out), "--region", "Outer", "--page-size", "letter",
                 "--side", "LEFT"]) == 0
    page = PdfReader(out).pages[0]
    assert round(float(page.mediabox.width)) == 612  # Letter, 8.5 inches
    assert "Left hip" in " ".join(page.extract_text().split())
    capsys.readouterr()
    assert main(["conditions", "--region", "BACK"]) == 0
    assert "Proximal hamstring tendinopathy" in capsys.readouterr().out


def test_names_the_output_encoding_cannot_hold_are_escaped_not_a_traceback(
        tmp_path: Path) -> None:
    """Windows, output redirected to a file (cp1252): Arabic, Hebrew and Japanese names
    stopped `conditions` with a UnicodeEncodeError traceback."""
    name = "ألم الورك — כאב ירך 股関節"
    (tmp_path / "conditions").mkdir()
    (tmp_path / "conditions/clinic-special.yaml").write_text(
        f"id: clinic-special\nname: {name}\nregions: [front]\nurgency: routine\n"
        "summary: s\nsymptoms: [x]\nred_flags: []\nreferences: [wilson2014, chamberlain2021]\n"
        "reviewed: '2026-01-01'\n", encoding="utf-8")

    def cp1252(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--content",
                               str(tmp_path), "conditions", "-r", "front", *args],
                              env=env, capture_output=True, encoding="cp1252", timeout=120)

    text = cp1252()
    assert (text.returncode, text.stderr) == (0, "")
    assert ("\\u0623\\u0644\\u0645 \\u0627\\u0644\\u0648\\u0631\\u0643 \u2014 "
            "\\u05db\\u05d0\\u05d1 \\u05d9\\u05e8\\u05da \\u80a1\\u95a2\\u7bc0 "
            "(id: clinic-special)") in text.stdout  # the dash is in cp1252
    as_json = cp1252("--json")
    assert (as_json.returncode, as_json.stderr) == (0, "")
    assert name in [row["name"] for row in json.loads(as_json.stdout)]


def test_content_option_after_the_command(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`validate --content DIR` said "unrecognized arguments: --content"."""
    (tmp_path / "conditions").mkdir()
    (tmp_path / "conditions/broken.yaml").write_text("id: broken\nname: [x\n")
    assert main(["validate", "--content", str(tmp_path)]) == 1
    assert "conditions/broken.yaml:3: YAML syntax" in capsys.readouterr().err
    example = str(ROOT / "docs" / "example-clinic")
    assert main(["conditions", "-r", "front", "--content", example]) == 0
    assert "(id: hip-flexor-overuse-hills)" in capsys.readouterr().out
    result = run("export", "--content", str(tmp_path / "missing"), "--all", "-o", "x.pdf")
    assert result.returncode == 2 and "missing: there is no such folder" in result.stderr


def help_text(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    """`hip-explorer COMMAND --help` on one line (argparse wraps it to the terminal)."""
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def test_help_says_what_each_export_option_does_and_the_exit_codes(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`export --help` named --output, --condition, --region, --all, --handout and
    --page-size with nothing after them, and no command listed its exit codes."""
    import yaml

    regions = yaml.safe_load((builtin_content_dir() / "regions.yaml").read_text("utf-8"))
    ids = ", ".join(region["id"] for region in regions["regions"])
    text = help_text(capsys, "export")
    for said in ("--output FILE.pdf, -o FILE.pdf the PDF file to write",
                 "--condition ID a condition id, as 'hip-explorer conditions' lists them",
                 f"--region R, -r R a region id ({ids}, or a clinic's own), in any case",
                 "--all a booklet of every condition",
                 "--handout FILE a handout file saved from the window",
                 "--page-size {A4,Letter} A4 or Letter, in any case",
                 "exit codes: 0 the PDF is written 1 nothing written:"):
        assert said in text
    for command in ("validate", "conditions", "export", "gui"):
        assert "exit codes: 0 " in help_text(capsys, command)
        assert "2 usage error: an unknown option" in help_text(capsys, command)
    assert "1 problems found, listed on stderr" in help_text(capsys, "validate")
    assert "exit codes: 0 success 1 problems found (validate)" in help_text(capsys)
    assert "DIR a content folder to check (repeatable)" in help_text(capsys, "validate")
    # the window opens with a mistyped --content folder among its content problems
    assert "named on the command line" not in help_text(capsys, "gui")


def test_an_empty_condition_is_called_empty(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`--condition ""` said "unknown condition ; run ...", naming nothing."""
    assert main(["export", "-o", str(tmp_path / "x.pdf"), "--condition", ""]) == 2
    assert capsys.readouterr().err == ("hip-explorer: --condition: the id is empty; run "
                                       "'hip-explorer conditions' to list the ids\n")


def test_an_empty_region_is_called_empty(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`-r ""` said "unknown region ; choose from ...", naming nothing."""
    for command in (["conditions"], ["export", "-o", str(tmp_path / "x.pdf")]):
        assert main([*command, "-r", "back", "-r", ""]) == 2
        err = capsys.readouterr().err
        assert err.endswith(": --region: the region is empty; choose from front, groin, "
                            "outer, back\n")
        assert "unknown region" not in err


@pytest.mark.skipif(sys.platform != "linux", reason="the C locale of Linux")
@pytest.mark.parametrize("locale", [{"LC_ALL": "C"}, {"LANG": "C", "PYTHONCOERCECLOCALE": "0"}])
def test_the_c_locale_gives_no_warning_from_qt(tmp_path: Path,
                                               locale: dict[str, str]) -> None:
    """Under LANG=C, validate and export began with Qt's four lines: 'Detected locale "C"
    with character encoding "ANSI_X3.4-1968", which is not UTF-8 ...'."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env = {**env, **locale}
    out = tmp_path / "all.pdf"
    for command in (["validate"], ["export", "-r", "back", "-o", str(out)]):
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *command], env=env,
                              capture_output=True, text=True, timeout=120)
        assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"wrote {out} (")


@pytest.mark.parametrize("command", [[], ["gui"]])
def test_a_mistyped_content_folder_still_opens_the_window_which_lists_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    """QA: `hip-explorer gui --content typo` exited 2 while `hip-explorer --content typo`
    opened the window. Both open it, with the folder among its layers (the loader lists
    it as a problem): from a launcher an exit status or message would go unseen."""
    import explorer.ui.app

    opened: list[object] = []
    monkeypatch.setattr(explorer.ui.app, "run_gui", lambda layers: opened.append(layers) or 0)
    missing = tmp_path / "exmaple-clinic"
    assert main(["--content", str(missing), *command]) == 0
    assert opened == [[builtin_content_dir(), missing]]


@pytest.mark.parametrize(("command", "usage"), [
    (["export", "--all", "-o", "x.pdf", "--bogus"], "usage: hip-explorer export "),
    (["validate", "--nope"], "usage: hip-explorer validate "),
    (["conditions", "extra"], "usage: hip-explorer conditions "),
])
def test_an_unknown_option_is_told_with_the_usage_of_its_command(
        capsys: pytest.CaptureFixture[str], command: list[str], usage: str) -> None:
    """An option export does not know printed the program's usage, which lists COMMAND
    and none of export's options."""
    with pytest.raises(SystemExit) as done:
        main(command)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage)
    prog = usage.removeprefix("usage: ")
    assert f"{prog.rstrip()}: error: unrecognized arguments: {command[-1]}\n" in err


def test_export_messages_share_one_prefix(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """export's own messages said "hip-explorer export:", the rest "hip-explorer:"."""
    assert main(["export", "--all", "-o", str(tmp_path / "no" / "x.pdf")]) == 1
    assert main(["export", "--condition", "knee", "-o", str(tmp_path / "x.pdf")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and all(line.startswith("hip-explorer: ") for line in lines)
