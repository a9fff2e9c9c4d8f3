"""The command line: one program, several commands; the window is one of them.

Exit codes: 0 success, 1 problems found (content problems, failed export), 2 usage
errors (unknown option, region or id; a folder or file named that is not there), 141
quietly when the reader of the output went away (`| head`), as for a Unix tool stopped
by SIGPIPE. Problems go to stderr as
`path:line: message`, never as a Python traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__
from explorer.model import Content, conditions_by_region, main_area, rank_conditions
from explorer.paths import builtin_content_dir, content_layers, diagram_svg, user_content_dir

ENTRY_KINDS = ("regions", "clues", "references", "conditions", "exercises", "treatments",
               "pages")


class UsageError(Exception):
    """A mistake in how the command was called (exit code 2)."""


def note_problems(content: Content, extra: Sequence[Path] = ()) -> None:
    """One line on stderr when some content did not load (its pages may be missing),
    ending with the command that lists the problems of these same layers (`extra`: the
    --content folders), ready to copy."""
    if content.problems:
        import shlex

        command = shlex.join(["hip-explorer", "validate", *map(str, extra)])
        print(f"hip-explorer: note: {len(content.problems)} content problem(s); "
              f"to see them, run: {command}", file=sys.stderr)


def ensure_gui_app() -> None:
    """The Qt application that drawing needs (a picture's text needs its fonts), created
    once; on a machine without a display it draws offscreen."""
    from explorer.ui.app import missing_display, utf8_locale

    if missing_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication  # charts in handouts are widgets

    if QApplication.instance() is None:
        utf8_locale()
        QApplication(sys.argv[:1])


def load(extra: Sequence[Path] = (), fresh: bool = False) -> Content:
    """Content from every layer; `fresh` skips the cache and decodes every picture
    (validate always checks files)."""
    if fresh:
        from explorer.model.loader import load_content
        from explorer.ui.images import damage

        ensure_gui_app()
        return load_content(content_layers(extra), svg_file=diagram_svg(),
                            damage=damage)
    from explorer.model.cache import load_content_cached

    return load_content_cached(content_layers(extra), svg_file=diagram_svg())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hip-explorer", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Explore hip pain after running. Without a command, opens the window.",
        epilog=_exit_codes("0   success",
                           "1   problems found (validate) or nothing written (export)"),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _content_option(parser, "content")
    after = argparse.ArgumentParser(add_help=False)  # `validate --content DIR` as well
    _content_option(after, "content_after")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, *codes: str, description: str | None = None,
                usage: str = USAGE_ERROR) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=description,
                                  parents=[after], epilog=_exit_codes(*codes, usage=usage),
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(command_parser=sub)  # its usage for an option it does not know
        return sub

    # a missing --content folder does not stop the window: it is among its content problems
    command("gui", "open the window (the default)", "0   the window was closed",
            usage="2   usage error: an unknown option")
    validate = command(
        "validate", "check content; exit 0 clean, 1 problems, 2 usage",
        "0   no problems", "1   problems found, listed on stderr",
        description="Check content folders. With no DIR, checks the built-in content and "
        "any --content folders; each DIR is checked on its own, as a layer over those.",
    )
    validate.add_argument("dirs", nargs="*", metavar="DIR", type=Path,
                          help="a content folder to check (repeatable)")
    _conditions_options(command("conditions", "ranked conditions for regions",
                                "0   listed"))
    _export_options(command(
        "export", "print conditions or a handout to PDF", "0   the PDF is written",
        "1   nothing written: a condition did not load, the handout file cannot be\n"
        "      read, or the PDF cannot be written (the message says which)"))
    return parser


USAGE_ERROR = ("2   usage error: an unknown option, id or region, or a folder or file\n"
               "      named on the command line that is not there")


def _exit_codes(*codes: str, usage: str = USAGE_ERROR) -> str:
    """The help's list of exit codes: the command's own, then the ones every command has."""
    return "\n  ".join(["exit codes:", *codes, usage,
                        "141 the reader of the output went away (| head), as for a Unix tool\n"
                        "      stopped by SIGPIPE"])


REGION_HELP = "a region id (front, groin, outer, back, or a clinic's own), in any case"


def _conditions_options(conditions: argparse.ArgumentParser) -> None:
    conditions.add_argument("--region", "-r", action="append", default=[], metavar="R",
                            type=str.lower,
                            help=f"{REGION_HELP}; repeatable; none lists every condition")
    conditions.add_argument("--json", action="store_true", help="print a JSON array")


def _export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument("--output", "-o", required=True, metavar="FILE.pdf",  # "" is not "."
                        help="the PDF file to write")
    # what to print: conditions, a handout, or both (the conditions first)
    group = export.add_mutually_exclusive_group()
    group.add_argument("--condition", action="append", metavar="ID", type=str.lower,
                       help="a condition id, as 'hip-explorer conditions' lists them, in "
                       "any case; one gives a summary page, more a booklet (repeatable)")
    group.add_argument("--region", "-r", action="append", metavar="R", type=str.lower,
                       help=f"{REGION_HELP}: a booklet of the conditions there, ranked "
                       "(repeatable)")
    group.add_argument("--all", action="store_true", help="a booklet of every condition")
    export.add_argument("--handout", type=Path, metavar="FILE",
                        help="a handout file saved from the window, printed as saved; "
                        "with conditions, it follows them in the same PDF")
    export.add_argument("--page-size", choices=PAGE_SIZES, default=None, type=_page_size,
                        help="A4 or Letter, in any case (default: Letter where the "
                        "system measures in inches, else A4)")
    export.add_argument("--side", choices=["left", "right"], default=None, type=str.lower,
                        help="the hip the diagram and header show (default: neither is "
                        "named, and the diagram shows a right hip); a handout file sets "
                        "its own")


def _content_option(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument(
        "--content", dest=dest, metavar="DIR", action="append", type=Path, default=[],
        help="a clinic's own content folder, layered over the built-in one (repeatable)",
    )


PAGE_SIZES = ("A4", "Letter")


def _page_size(typed: str) -> str:
    """A page size as typed in any case ("a4", "LETTER") as it is named."""
    return next((size for size in PAGE_SIZES if size.lower() == typed.lower()), typed)


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    parser = _parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        command_parser = getattr(args, "command_parser", parser)
        if unknown:  # told with the usage of the command typed, not the program's
            command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        if args.command == "export" and not (args.condition or args.region or args.all
                                             or args.handout):
            command_parser.error("give one of --condition, --region or --all, or "
                                     "--handout, or both")
        # before or after the command, in the order typed (the last layer wins)
        args.content = [*args.content, *getattr(args, "content_after", [])]
        code = _run(args)
        sys.stdout.flush()  # a reader that went away shows here, not as a complaint at exit
        return code
    except BrokenPipeError:  # `... | head -1`: stop quietly, as other Unix tools do
        _discard_output()
        return EXIT_BROKEN_PIPE
    except UsageError as exc:
        print(f"hip-explorer: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # "name: reason", not "[Errno 36] ..."
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"hip-explorer: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


def _tolerant_output() -> None:
    """Text that the output's encoding cannot hold (Arabic names into a Windows cp1252
    file) is written as \\u escapes, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def _json_text(value: object) -> str:
    """JSON as written, or with \\u escapes where the output's encoding cannot hold a
    character: valid and lossless either way."""
    import json  # only here: kept off the window's start-up path

    text = json.dumps(value, indent=2, ensure_ascii=False)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return json.dumps(value, indent=2)
    return text


EXIT_BROKEN_PIPE = 141  # what a shell reports for a tool stopped by SIGPIPE (128 + 13)


def _run(args: argparse.Namespace) -> int:
    if args.command not in (None, "gui"):  # a command's mistyped folder is a usage error
        _require_folders(args.content)
        _note_user_content_file()
    # the window (with or without `gui`) opens anyway and lists a missing folder as a
    # problem: started from a launcher, nobody would see an exit status or a message
    if args.command == "validate":
        return _validate(args.dirs, args.content)
    if args.command == "conditions":
        return _conditions(args.region, args.json, args.content)
    if args.command == "export":
        from explorer.report.export_cli import run_export

        return run_export(args, load(args.content))
    from explorer.ui.app import run_gui

    return run_gui(content_layers(args.content))


def _discard_output() -> None:
    """Send what is still buffered for stdout nowhere: flushing it into the closed pipe
    at exit would print Python's own complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (tests, pythonw)
        pass


def _require_folders(folders: Sequence[Path]) -> None:
    for folder in folders:
        try:
            if not folder.is_dir():
                raise UsageError(f"{folder}: " + ("not a folder" if folder.exists() else
                                                  "there is no such folder; check its name"))
        except PermissionError:  # not a usage error: the loader lists it as a problem
            continue


def _note_user_content_file() -> None:
    """The user's own content folder is left out when it is not a folder (content_layers
    skips it): a note says so, rather than nothing."""
    user = user_content_dir()
    try:
        if not user.exists() or user.is_dir():
            return
    except OSError:  # cannot be looked at: loading lists it as a problem
        return
    named = ("HIP_EXPLORER_USER_CONTENT names " if os.environ.get("HIP_EXPLORER_USER_CONTENT")
             else "the user's own content folder, ")
    print(f"hip-explorer: note: {named}{user}, which is a file, not a folder; it is left "
          "out (name a folder of content instead)", file=sys.stderr)


def _validate(dirs: Sequence[Path], extra: Sequence[Path]) -> int:
    _require_folders(dirs)
    # Each DIR is loaded on its own over the other layers: one DIR replacing an entry of
    # another would leave that entry unchecked.
    checks = [load([*extra, folder], fresh=True) for folder in dirs] or [load(extra, fresh=True)]
    problems = sorted({p for content in checks for p in content.problems})  # each once
    for problem in problems:
        print(problem, file=sys.stderr)
    folders = {layer for content in checks for layer in content.layers}
    entries = {(kind, entry_id) for content in checks for kind in ENTRY_KINDS
               for entry_id in getattr(content, kind)}
    for note in _replaced_between(content_layers(extra), dirs):
        print(f"note: {note}")
    count = len(problems)
    verdict = "no problems" if not count else f"{count} problem{'s' * (count != 1)}"
    print(f"checked {len(folders)} folder(s), {len(entries)} entries: {verdict}")
    return 1 if count else 0


def _replaced_between(loaded: Sequence[Path], dirs: Sequence[Path]) -> list[str]:
    """What each of `dirs` replaces in a folder loaded before it (`loaded`, the built-in
    content first, then the DIRs before it): an entry file of the same name in the same
    kind of folder, or a reference of the same id. That is the layering rule, but an
    entry replaced without meaning to (a clinic's new condition given a built-in id)
    hides the one it replaces, so each replacement is named."""
    from explorer.model.loader import ENTRY_FOLDERS, YAML_ENDING

    def shown(folder: Path, relative: str) -> str:
        return (f"the built-in {relative}" if folder == builtin_content_dir()
                else str(folder / relative))

    notes: list[str] = []
    first_seen: dict[str, Path] = {}
    order = list(dict.fromkeys(Path(os.path.abspath(f)) for f in [*loaded, *dirs]))
    checked = {Path(os.path.abspath(f)) for f in dirs}
    for folder in order:
        found = [f"{kind}/{name}" for kind in ENTRY_FOLDERS for name in _listed(folder / kind)
                 if name.endswith(YAML_ENDING)]
        found += [f"references.yaml: {ref}" for ref in _reference_ids(folder)]
        for key in found:
            earlier = first_seen.setdefault(key, folder)
            if earlier != folder and folder in checked:
                if key.startswith("references.yaml: "):
                    ref = key.removeprefix("references.yaml: ")
                    notes.append(f"{folder / 'references.yaml'} replaces reference "
                                 f"'{ref}' of {shown(earlier, 'references.yaml')}")
                else:
                    notes.append(f"{folder / key} replaces {shown(earlier, key)} (the later "
                                 "folder wins; give the file a new name and id to add an "
                                 "entry instead)")
    return notes


def _listed(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:  # not there, or reported as a problem
        return []


def _reference_ids(folder: Path) -> list[str]:
    """The ids in a folder's references.yaml (none where it cannot be read: loading
    reports that)."""
    from explorer.model.strict_yaml import YamlError, parse

    try:
        data = parse((folder / "references.yaml").read_bytes()).data
    except (OSError, YamlError):
        return []
    entries = data.get("references") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    return [str(entry["id"]) for entry in entries if isinstance(entry, dict) and "id" in entry]


def check_regions(regions: Sequence[str], content: Content) -> None:
    """A usage error naming the regions typed that the content lacks, or an empty one."""
    choices = f"choose from {', '.join(content.regions)}"
    if "" in regions:
        raise UsageError(f"--region: the region is empty; {choices}")
    unknown = [r for r in regions if r not in content.regions]
    if unknown:
        raise UsageError(f"unknown region {', '.join(unknown)}; {choices}")


def _conditions(regions: Sequence[str], as_json: bool, extra: Sequence[Path]) -> int:
    content = load(extra)
    check_regions(regions, content)
    note_problems(content, extra)
    if regions:
        rows = [(m.condition, list(m.reasons)) for m in rank_conditions(content, regions)]
    else:
        rows = [(c, [main_area(content, c)])
                for _, items in conditions_by_region(content).items() for c in items]
    if as_json:
        print(_json_text([
            {"id": c.id, "name": c.name, "aliases": list(c.aliases), "regions": list(c.regions),
             "urgency": c.urgency.value, "reasons": reasons}
            for c, reasons in rows
        ]))
    else:
        for rank, (c, reasons) in enumerate(rows, 1):
            print(f"{rank:2}. {c.name} (id: {c.id}) [{c.urgency.label}]: "
                  f"{'; '.join(reasons)}")  # the id, for `export --condition`
    return 0
