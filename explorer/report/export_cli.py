"""`hip-explorer export`: condition summaries, booklets and handouts to PDF, headless; a
handout given with conditions follows them in the same PDF.

Works with no display (Qt's offscreen platform is chosen when none is available).
Unknown ids or regions are usage errors (exit 2), and so is a --side other than the one
a --handout file sets; an unwritable path is exit 1 with a message; nothing half-written
is ever left behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer.model import Content, rank_conditions
from explorer.model.handout import (
    Handout,
    HandoutError,
    as_printed,
    listed,
    read_handout,
    unknown_entries,
)
from explorer.model.loader import did_you_mean
from explorer.model.queries import by_name


def _fail(message: str, code: int) -> int:
    print(f"hip-explorer: {message}", file=sys.stderr)
    return code


def _require_file(path: Path, option: str) -> None:
    """A file named on the command line that is not there: a usage error (exit 2), as a
    --content folder that is not there is; one that cannot be read is a failure (1)."""
    from explorer.cli import UsageError

    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise UsageError(f"{option} {path}: there is no such file; check its name") from None
    except OSError:  # read_handout says why
        pass


def _output_path(typed: str) -> Path:
    """The PDF file --output names, or a usage error that says what to give instead."""
    from explorer.cli import UsageError

    if not typed:  # --output ""
        raise UsageError("--output: the file name is empty; give one ending in .pdf, such as "
                         "handout.pdf")
    if typed == "-":
        raise UsageError("--output -: writing to standard output is not supported; give a "
                         "file name ending in .pdf, such as handout.pdf")
    output = Path(typed)
    if output.name.lower() == ".pdf":
        raise UsageError(f"--output {output}: the name needs something before .pdf, such as "
                         "handout.pdf")
    if output.suffix.lower() != ".pdf":
        raise UsageError(f"--output {output}: the file name must end in .pdf")
    return output


def run_export(args: argparse.Namespace, content: Content) -> int:
    from explorer.cli import UsageError, check_regions, ensure_gui_app, note_problems

    output = _output_path(args.output)
    note_problems(content, args.content)  # pages may be missing
    conditions = []
    if args.condition:
        args.condition = list(dict.fromkeys(args.condition))  # each once, first order
        if "" in (c.strip() for c in args.condition):
            raise UsageError("--condition: the id is empty; run 'hip-explorer conditions' "
                             "to list the ids")
        unknown = [c for c in args.condition if c not in content.conditions]
        broken = [p for p in content.problems
                  if p.path.parent.name == "conditions" and p.path.stem in unknown]
        if broken:
            for problem in broken:
                print(problem, file=sys.stderr)
            return _fail(f"condition {', '.join(sorted({p.path.stem for p in broken}))} "
                         "did not load; see the problems above", 1)
        if unknown:
            aliases = {name.lower(): c.id for c in content.conditions.values()
                       for name in (c.name, *c.aliases)}  # "gtps" for GTPS
            named = listed([f"unknown condition {c}"  # each with its own suggestion
                            + did_you_mean(c.lower(), content.conditions, aliases)
                            for c in unknown], "; ")
            raise UsageError(f"{named}; run 'hip-explorer conditions' to list the ids")
        conditions = [content.conditions[c] for c in args.condition]
    elif args.region:
        check_regions(args.region, content)
        conditions = [m.condition for m in rank_conditions(content, args.region)]
    elif args.all:
        conditions = by_name(content)
    handout: Handout | None = None
    if args.handout is not None:
        read = _printed_handout(args, content)
        if isinstance(read, int):
            return read
        handout = read

    ensure_gui_app()
    from explorer.paths import diagram_svg
    from explorer.report.documents import conditions_job, summarised
    from explorer.report.output import ExportError, default_page_size, write_pdf
    from explorer.report.pages import Header
    from explorer.ui.diagram_art import DiagramArt

    art = DiagramArt(diagram_svg(), list(content.regions), content.diagram)
    page_size = args.page_size or default_page_size()
    if handout is not None and not conditions:  # as the builder prints the file
        conditions = summarised(content, handout)
    job = conditions_job(content, art, conditions, handout, args.side or "right", page_size,
                         args.region or ())
    # without --side a summary or a booklet is for either hip: the header names neither
    header = Header(job.title, side=job.side if handout is not None else args.side)
    try:
        pages = write_pdf(output, job, header, page_size)
    except ExportError as exc:
        return _fail(str(exc), 1)
    print(f"wrote {output} ({pages} page{'s' * (pages != 1)}, {page_size})")
    return 0


def _printed_handout(args: argparse.Namespace, content: Content) -> Handout | int:
    """The --handout file as it prints (its entries the content lacks left out, each
    named on stderr), or the exit code after saying why it cannot print."""
    from explorer.cli import UsageError

    _require_file(args.handout, "--handout")
    try:
        handout = read_handout(args.handout)
    except HandoutError as exc:
        return _fail(str(exc), 1)
    if args.side and args.side != handout.side:
        # the side belongs to the handout, with its drawing and pain levels: never
        # printed otherwise without a word
        raise UsageError(f"--side {args.side}: the handout file {args.handout} sets the "
                         f'side ("side": "{handout.side}"); leave out --side, or change '
                         "the file")
    for why in handout.left_out:
        print(f"hip-explorer: note: {args.handout}: left out {why}", file=sys.stderr)
    for note in handout.notes:
        print(f"hip-explorer: note: {args.handout}: {note}", file=sys.stderr)
    missing = unknown_entries(handout, content)
    if missing:  # on one line, a few named, as the builder lists them (a file may hold
        # thousands)
        verb = "is" if len(missing) == 1 else "are"
        print(f"hip-explorer: note: {listed(missing)} {verb} not in the loaded "
              "content; left out", file=sys.stderr)
    refusal = as_printed(handout, content).print_refusal()  # as the builder's
    if refusal:
        return _fail(f"{args.handout}: {refusal}", 1)
    return handout
