"""Load content folders: strict YAML, then schema validation, then cross-checks.

Every problem is collected (not just the first) as `path:line: field: message`.
A file with problems is skipped; the good files of the folder still load. Layers are
applied in order: a later folder adds entries and replaces entries with the same id.
"""

from __future__ import annotations

import dataclasses
import difflib
import errno
import os
import re
import stat
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from explorer.model import entities as e
from explorer.model.content import Content
from explorer.model.diagram_shapes import read_shapes
from explorer.model.picture_kind import HEAD_BYTES, SUFFIXES, kind_named, kind_of, picture_kind
from explorer.model.problems import WHOLE_FOLDER, Problem

if TYPE_CHECKING:  # PyYAML and pydantic load only when files are read (not on a cache hit)
    from pydantic import TypeAdapter

    from explorer.model.strict_yaml import Document

M = TypeVar("M")
T = TypeVar("T")

# file name -> (list key, model) for the shared list files
EntryType = type[e.Region] | type[e.Clue] | type[e.Reference] | type[e.Condition] | type[
    e.Exercise] | type[e.Treatment] | type[e.Page]
LIST_FILES: dict[str, tuple[str, EntryType]] = {
    "regions.yaml": ("regions", e.Region),
    "clues.yaml": ("clues", e.Clue),
    "references.yaml": ("references", e.Reference),
}
# folder -> model for one-entry-per-file folders
ENTRY_FOLDERS: dict[str, EntryType] = {
    "conditions": e.Condition,
    "exercises": e.Exercise,
    "treatments": e.Treatment,
    "pages": e.Page,
}
# Content files end in exactly ".yaml": ids are lower case and a file is named by its id.
# Names are compared exactly on every system (Windows and macOS would open "X.YAML" for
# "x.yaml"); another case of the ending, or ".yml", is reported with the name to use.
YAML_ENDING = ".yaml"
_YAML_LIKE = {".yaml", ".yml"}  # compared in lower case
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# A condition is shown only with this many different published references that exist.
MIN_CONDITION_REFERENCES = 2
# folder -> the lists of its entries that name other entries: (field, what each names,
# the key of an item that names it, if the items are not ids themselves)
NAMES_IN: dict[str, tuple[tuple[str, str, str | None], ...]] = {
    "conditions": (("regions", "region", None), ("clues", "clue", "clue"),
                   ("treatments", "treatment", "treatment"), ("exercises", "exercise", "exercise"),
                   ("references", "reference", None)),
    "exercises": (("references", "reference", None),),
    "treatments": (("references", "reference", None),),
    "pages": (("references", "reference", None),),
}

_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(model: type) -> TypeAdapter[Any]:
    if model not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


@dataclass
class _Origin:
    """Where an entry came from, to report cross-check problems at the right line."""

    path: Path
    doc: Document
    prefix: tuple[str | int, ...]
    layer: Path

    def problem(self, sub: tuple[str | int, ...], message: str) -> Problem:
        loc = (*self.prefix, *sub)
        return Problem(self.path, self.doc.line_of(loc), _field_name(sub or loc), message)


@dataclass
class _Loss:
    """Entries of a list (the regions, say) lost to a problem in their file. The names of
    a lost id are counted here, not each reported: dozens of "unknown region" lines would
    bury the one line that says what to fix."""

    cause: Problem  # the first problem that lost entries; the count is listed after it
    # the ids lost; None: any id (a file not read, or an entry without a readable id)
    ids: set[str] | None = dataclasses.field(default_factory=set)
    names: int = 0  # names of a lost id, left out
    files: set[Path] = dataclasses.field(default_factory=set)  # the files with those names
    hidden: int = 0  # conditions not shown for want of them

    def lost(self, entry_id: str | None) -> None:
        if self.ids is not None and entry_id is not None:
            self.ids.add(entry_id)
        else:
            self.ids = None

    def covers(self, entry_id: str) -> bool:
        return self.ids is None or entry_id in self.ids

    def summary(self, kind: str) -> Problem | None:
        if not self.names:
            return None
        hidden = f" and {_count(self.hidden, 'condition')} not shown" if self.hidden else ""
        return Problem(self.cause.path, self.cause.line, "", (
            f"because of this, {_count(len(self.files), 'file')} name {kind} that could not "
            f"be loaded ({_count(self.names, 'name')} left out{hidden}); fix this file "
            "first"), follow_on=True)


class _Loader:
    def __init__(self, svg_file: Path | None,
                 damage: Callable[[Path], str | None] | None = None) -> None:
        self.svg_file = svg_file
        self.damage = damage
        self.content = Content()
        self.origins: dict[tuple[str, str], _Origin] = {}
        self.losses: dict[str, _Loss] = {}  # by list ("regions"), the first file's loss
        # the first problem of an entry file not loaded, by (folder, id its name gives)
        self.unloaded: dict[tuple[str, str], Problem] = {}
        # entry files left out for a problem in a field, with what they hold, by folder:
        # the names in them are checked too, so that one round of fixes is enough
        self.rejected: list[tuple[str, dict[Any, Any], _Origin]] = []

    # ---- reading ---------------------------------------------------------------
    def load_layer(self, folder: Path) -> None:
        try:  # the exact names: Windows and macOS would open "Pages" for "pages"
            names = set(os.listdir(folder))
        except OSError as exc:  # gone since the window opened, mistyped, or unreadable
            self._problem(folder, WHOLE_FOLDER, "", f"{_layer_refusal(exc)}; the rest of "
                          "the content is shown")
            return
        self.content.layers = (*self.content.layers, folder)
        if not names & {*LIST_FILES, *ENTRY_FOLDERS} and (hint := _one_level_off(folder)):
            self._problem(folder, WHOLE_FOLDER, "", f"holds no content: {hint}")
            return  # (not every file in it, each said to be in the wrong place)
        seen: dict[tuple[str, str], _Origin] = {}
        for name, (key, model) in LIST_FILES.items():
            if name in names:  # a broken link is listed, and reported when read
                self._load_list_file(folder / name, key, model, folder, seen)
        for sub, model in ENTRY_FOLDERS.items():
            for name in self._entry_file_names(folder / sub) if sub in names else []:
                first = len(self.content.problems)
                self._load_entry_file(folder / sub / name, sub, model, folder, seen)
                if len(self.content.problems) > first:  # not loaded: its first problem
                    self.unloaded.setdefault((sub, Path(name).stem),
                                             min(self.content.problems[first:]))
        self._report_stray_files(folder)

    def _entry_file_names(self, folder: Path) -> list[str]:
        """The content files' names in an entry folder (conditions/, say). One that cannot
        be listed is reported: its entries would vanish without a word."""
        try:
            names = os.listdir(folder)
        except OSError as exc:
            self._problem(folder, WHOLE_FOLDER, "", f"{_folder_refusal(exc)}; its files "
                          "are not read")
            return []
        return sorted(name for name in names if Path(name).suffix == YAML_ENDING)

    def _read(self, path: Path) -> Document | None:
        from explorer.model.strict_yaml import YamlError, check_size, parse

        try:
            if path.is_symlink() and not _resolve(path).is_relative_to(_resolve(path.parent)):
                self._problem(path, 1, "", "links to a file outside its folder; not read")
                return None
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):  # a pipe would wait for ever
                self._problem(path, 1, "", "is not a regular file; not read")
                return None
            check_size(info.st_size)  # before reading: a huge file never fills the memory
            return parse(path.read_bytes())
        except OSError as exc:
            self._problem(path, 1, "", f"cannot be read: {exc.strerror or exc}")
            return None
        except YamlError as exc:
            self._problem(path, exc.line, "", exc.message)
            return None
        except RecursionError:
            self._problem(path, 1, "", "nested too deeply to read")
            return None

    def _load_list_file(
        self, path: Path, key: str, model: EntryType, layer: Path,
        seen: dict[tuple[str, str], _Origin],
    ) -> None:
        first = len(self.content.problems)
        items = self._list_items(path, key, layer)
        if len(self.content.problems) > first:  # the file's list could not be read
            self._lose(key, None, first)
        for item, origin in items:
            first = len(self.content.problems)
            entry = self._validate(model, item, origin)
            if entry is None:
                self._lose(key, _id_of(item), first)
            else:
                self._store(key, entry, origin, seen)

    def _lose(self, key: str, entry_id: str | None, cause: int) -> None:
        """Note an entry of the list `key` (None: any) lost to the problem at `cause`."""
        self.losses.setdefault(key, _Loss(self.content.problems[cause])).lost(entry_id)

    def _list_items(self, path: Path, key: str, layer: Path) -> list[tuple[Any, _Origin]]:
        """The entries of a list file, each with where it is; [] if the file has no list."""
        doc = self._read(path)
        if doc is None:
            return []
        if not isinstance(doc.data, dict) or set(doc.data) != {key}:
            self._problem(path, doc.line_of(()), "", f"the file should contain one list, '{key}:'")
            return []
        items = doc.data[key]
        if not isinstance(items, list):
            self._problem(path, doc.line_of((key,)), key, "should be a list of entries")
            return []
        return [(item, _Origin(path, doc, (key, index), layer))
                for index, item in enumerate(items)]

    def _load_entry_file(
        self, path: Path, folder: str, model: EntryType, layer: Path,
        seen: dict[tuple[str, str], _Origin],
    ) -> None:
        doc = self._read(path)
        if doc is None:
            return
        origin = _Origin(path, doc, (), layer)
        if not isinstance(doc.data, dict):
            self._problem(path, doc.line_of(()), "",
                          "the file should be a set of 'field: value' lines")
            return
        entry = self._validate(model, doc.data, origin)
        if entry is None:
            self.rejected.append((folder, doc.data, origin))
            return
        if path.stem != entry.id:  # a copy not yet renamed must not take its original's id
            self.content.problems.append(origin.problem(
                ("id",), f"'{entry.id}' does not match the file name '{path.name}', so "
                "the file is left out"))
            return
        self._store(folder, entry, origin, seen)

    def _validate(self, model: type[M], data: Any, origin: _Origin) -> M | None:
        if not isinstance(data, dict):
            self.content.problems.append(origin.problem(
                (), f"should be a set of 'field: value' lines, not {_describe(data)}"))
            return None
        from pydantic import ValidationError

        try:
            return _adapter(model).validate_python(data)  # type: ignore[no-any-return]
        except ValidationError as exc:
            for error in exc.errors():
                loc, message = tuple(error["loc"]), _friendly(error, model)
                cause = error.get("ctx", {}).get("error")
                if isinstance(cause, e.FieldError):  # at the field's line, named
                    loc, message = (*loc, cause.field), cause.message
                self.content.problems.append(origin.problem(loc, message))
            return None

    def _store(
        self, kind: str, entry: e.Entry, origin: _Origin, seen: dict[tuple[str, str], _Origin]
    ) -> None:
        entry_id: str = entry.id
        key = (kind, entry_id)
        if key in seen:
            first = seen[key]
            self.content.problems.append(origin.problem(
                ("id",), f"'{entry_id}' is already used by {first.path}:"
                f"{first.doc.line_of((*first.prefix, 'id'))}; ids must be unique",
            ))
            return
        seen[key] = origin
        self.origins[key] = origin
        table: dict[str, Any] = getattr(self.content, kind)
        table[entry_id] = entry

    def _report_stray_files(self, folder: Path) -> None:
        """Every YAML-looking file (any case of .yaml, or .yml) that load_layer did not
        read; one in the right place with the wrong ending is told the name to use."""
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() not in _YAML_LIKE:
                continue
            top, in_entry_folder = path.parent == folder, (
                path.parent.parent == folder and path.parent.name in ENTRY_FOLDERS)
            if (top and path.name in LIST_FILES) or (in_entry_folder
                                                      and path.suffix == YAML_ENDING):
                continue  # read
            list_name = path.stem.lower() + YAML_ENDING
            if in_entry_folder or (top and list_name in LIST_FILES):
                # an entry's file is named by its id, which is lower case
                right = list_name if top else path.stem.lower() + YAML_ENDING
                self._problem(path, 1, "", f"not read: content files end in lower-case "
                              f"'{YAML_ENDING}'; rename it to '{right}'")
                if in_entry_folder:
                    self.unloaded.setdefault((path.parent.name, path.stem),
                                             self.content.problems[-1])
                continue
            self._problem(path, 1, "", "not read: content files belong in regions.yaml, "
                          "clues.yaml, references.yaml or conditions/, exercises/, "
                          "treatments/, pages/ (with the .yaml ending)")

    def _problem(self, path: Path, line: int, field: str, message: str) -> None:
        self.content.problems.append(Problem(path, line, field, message))

    # ---- cross-checks ----------------------------------------------------------
    def cross_check(self) -> None:
        c = self.content
        self._check_regions_in_diagram()
        for cid, condition in list(c.conditions.items()):
            o = self.origins[("conditions", cid)]
            regions = self._keep_known(o, "regions", condition.regions, c.regions, "region")
            clues = self._keep_known(o, "clues", condition.clues, c.clues, "clue")
            treatments = self._keep_known(o, "treatments", condition.treatments, c.treatments,
                                          "treatment")
            exercises = self._keep_known(o, "exercises", condition.exercises, c.exercises,
                                         "exercise")
            refs = self._keep_known(o, "references", condition.references, c.references,
                                    "reference")
            if not regions:
                self._drop_condition(cid, "regions", "none of its regions is known")
            elif len(refs) < MIN_CONDITION_REFERENCES:
                self._drop_condition(
                    cid, "references", f"needs at least {MIN_CONDITION_REFERENCES} different "
                    f"published references from references.yaml; {len(refs)} found")
            else:
                c.conditions[cid] = dataclasses.replace(
                    condition, regions=regions, clues=clues, treatments=treatments,
                    exercises=exercises, references=refs)
        for kind in ("exercises", "treatments", "pages"):
            table: dict[str, Any] = getattr(c, kind)
            for entry_id, entry in list(table.items()):
                o = self.origins[(kind, entry_id)]
                refs = self._keep_known(o, "references", entry.references, c.references,
                                        "reference")
                table[entry_id] = dataclasses.replace(entry, references=refs)
        for ex_id, exercise in c.exercises.items():
            if exercise.image:
                self._check_image(ex_id, exercise.image)
            o = self.origins[("exercises", ex_id)]
            # a caution whose regions are all unknown is shown everywhere, not hidden
            cautions = tuple(dataclasses.replace(caution, regions=self._keep_known(
                o, ("cautions", index, "regions"), caution.regions, c.regions, "region"))
                for index, caution in enumerate(exercise.cautions))
            c.exercises[ex_id] = dataclasses.replace(exercise, cautions=cautions)
        self._check_rejected_names()
        for kind, loss in self.losses.items():
            if summary := loss.summary(kind):
                c.problems.append(summary)

    def _check_rejected_names(self) -> None:
        """The names in entry files left out for another problem (a clue's weight of 5),
        reported now rather than only once that problem is fixed (a misspelt clue id).
        Only names that are ids where ids belong: anything else was reported already."""
        for folder, data, o in self.rejected:
            for field, what, key in NAMES_IN.get(folder, ()):
                items = data.get(field)
                if not isinstance(items, list):
                    continue
                names: dict[int, str] = {}  # by place in the list
                for index, item in enumerate(items):
                    name = item.get(key) if key and isinstance(item, dict) else item
                    if isinstance(name, str | int) and not isinstance(name, bool) and \
                            re.fullmatch(e.ID_PATTERN, str(name)):
                        names[index] = str(name)  # 7 reads as "7"
                uses = [name if key is None else types.SimpleNamespace(**{what: name})
                        for name in names.values()]
                self._keep_known(o, field, uses, getattr(self.content, f"{what}s"), what,
                                 list(names))

    def _drop_condition(self, cid: str, key: str, reason: str) -> None:
        """Leave out a condition that the cross-checks left without something it needs
        (`key`: "regions" or "references")."""
        o = self.origins[("conditions", cid)]
        names: tuple[str, ...] = getattr(self.content.conditions.pop(cid), key)
        table: dict[str, Any] = getattr(self.content, key)
        loss = self.losses.get(key)
        if loss and any(loss.covers(name) for name in names if name not in table):
            loss.hidden += 1  # for want of what a broken file lost: counted with it
            return
        self.content.problems.append(o.problem((key,), f"{reason}, so the condition "
                                               f"'{cid}' is not shown"))

    def _check_regions_in_diagram(self) -> None:
        if self.svg_file is None:
            return
        try:
            shapes = read_shapes(self.svg_file, list(self.content.regions))
        except (OSError, ValueError, SyntaxError) as exc:  # SyntaxError: XML ParseError
            self._problem(self.svg_file, 1, "", f"diagram cannot be read: {exc}")
            return
        self.content.diagram = shapes
        for region_id in list(self.content.regions):
            if region_id not in shapes.element_ids:
                o = self.origins[("regions", region_id)]
                self.content.problems.append(o.problem(
                    ("id",), f"region '{region_id}' has no shape in the diagram "
                    f"({self.svg_file.name}); use one of its region ids",
                ))
                del self.content.regions[region_id]

    def _keep_known(self, o: _Origin, key: str | tuple[str | int, ...], items: Sequence[T],
                    table: dict[str, Any], what: str,
                    places: Sequence[int] | None = None) -> tuple[T, ...]:
        """The items that name an entry of `table`, each entry once; the others are
        reported at their line (an id listed twice would count twice in the ranking).
        An item is an id, or a use such as `ClueWeight` whose field `what` holds the id.
        `key`: the list's field, or its path in the entry; `places`: each item's place in
        that list, if some of the list's items are left out of `items`."""
        keys = (key,) if isinstance(key, str) else key
        kept: list[T] = []
        first: dict[str, int] = {}
        for index, item in zip(places or range(len(items)), items, strict=True):
            loc: tuple[str | int, ...] = (*keys, index)
            if isinstance(item, str):
                ref = item
            else:
                ref, loc = getattr(item, what), (*loc, what)
            if ref in first:
                line = o.doc.line_of((*o.prefix, *keys, first[ref]))
                self.content.problems.append(o.problem(
                    loc, f"{what} '{ref}' is already listed on line {line}; "
                    "this repeat is left out"))
            elif ref in table:
                first[ref] = index
                kept.append(item)
            elif (loss := self.losses.get(f"{what}s")) and loss.covers(ref):
                loss.names += 1  # lost with its file: counted there
                loss.files.add(o.path)
            elif cause := self.unloaded.get((f"{what}s", ref)):  # "unknown" would mislead
                self.content.problems.append(o.problem(
                    loc, f"{what} '{ref}' is not loaded: its own file has a problem (see "
                    f"{_within(cause.path, o.layer)}, line {cause.line}); fix that file "
                    "first"))
            else:
                self.content.problems.append(o.problem(
                    loc, f"unknown {what} '{ref}'{did_you_mean(ref, table)}"))
        return tuple(kept)

    def _check_image(self, ex_id: str, relative: str) -> None:
        o = self.origins[("exercises", ex_id)]
        try:
            layer, target = _resolve(o.layer), _resolve(o.path.parent / relative)
            if target.is_relative_to(layer) and not target.exists():
                layer, target = self._earlier_image(o, relative) or (layer, target)
        except OSError as exc:  # a symbolic link loop
            self.content.problems.append(o.problem(
                ("image",), f"image '{relative}' cannot be read: {exc.strerror or exc}"))
            return
        try:
            message = self._image_refusal(relative, layer, target, o)
        except OSError as exc:  # a folder of images that cannot be read, say
            message = f"image '{relative}' cannot be read: {exc.strerror or exc}"
        if message:
            self.content.problems.append(o.problem(("image",), message))
        else:
            self.content.images[ex_id] = target

    def _earlier_layers(self, o: _Origin) -> tuple[Path, ...]:
        """The content folders loaded before the one `o` is in, the latest first."""
        layers = self.content.layers
        return tuple(reversed(layers[:layers.index(o.layer)]))

    def _earlier_image(self, o: _Origin, relative: str) -> tuple[Path, Path] | None:
        """(folder, picture) for the picture `relative` at the same place in a content
        folder loaded before `o`'s, when `o`'s own folder lacks it (a clinic's copy of a
        built-in exercise shows the built-in picture); it must be inside that folder."""
        try:  # where the picture is inside o's folder, as written
            inside = Path(os.path.abspath(o.path.parent / relative)).relative_to(
                os.path.abspath(o.layer))
        except ValueError:  # a path that leaves the folder: refused as it is
            return None
        for earlier in self._earlier_layers(o):
            layer, target = _resolve(earlier), _resolve(earlier / inside)
            if target.is_relative_to(layer) and target.exists():
                return layer, target
        return None

    def _image_refusal(self, relative: str, layer: Path, target: Path,
                       o: _Origin) -> str | None:
        """Why the image `relative` (found at `target`) is not shown, or None."""
        if not target.is_relative_to(layer):
            return (f"image '{relative}' is outside the content folder; keep images inside "
                    f"it{self._earlier_image_hint(o, target)}")
        if target.suffix.lower() not in IMAGE_SUFFIXES:
            return f"image '{relative}' must be an .svg, .png or .jpg file"
        if not target.exists():
            then = (", then at the same place in the content folders loaded before this one"
                    if self._earlier_layers(o) else "")
            slash = ("; write / between folders, not \\" if "\\" in relative
                     and os.sep != "\\" else "")
            return f"image '{relative}' not found (looked for {target}{then}){slash}"
        if not target.is_file():  # a folder, or a pipe that reading would wait on for ever
            return f"image '{relative}' is not a regular file ({target})"
        if target.stat().st_size > MAX_IMAGE_BYTES:
            return f"image '{relative}' is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB"
        if not _looks_like_image(target):
            return f"image '{relative}' {_not_this_kind(target)}"
        if self.damage and (reason := self.damage(target)):
            return f"image '{relative}' is damaged: {reason}"
        return None

    def _earlier_image_hint(self, o: _Origin, target: Path) -> str:
        """How to show `target`, a picture in a content folder loaded before `o`'s, by
        the path that finds it there; "" if it is in none."""
        for earlier in self._earlier_layers(o):
            layer = _resolve(earlier)
            if target.is_relative_to(layer):
                own = o.path.parent.relative_to(o.layer)  # exercises/
                written = Path(os.path.relpath(target.relative_to(layer), own)).as_posix()
                return (f" (for this picture write '{written}': a picture this folder "
                        "does not have is taken from the same place in the content folders "
                        "loaded before it, such as the built-in one)")
        return ""


def _layer_refusal(exc: OSError) -> str:
    """Why a content folder cannot be listed, in words."""
    if isinstance(exc, FileNotFoundError):
        return "content folder not found (moved or deleted?)"
    if isinstance(exc, NotADirectoryError):
        return "a file, not a content folder"
    return _folder_refusal(exc)


def _folder_refusal(exc: OSError) -> str:
    """Why a folder (one its parent lists) cannot be listed, in words."""
    if isinstance(exc, NotADirectoryError):
        return "is a file, not a folder"
    if exc.errno == errno.ELOOP:
        return "is a link that loops"
    if isinstance(exc, FileNotFoundError):  # its parent lists it: a link to nothing
        return "is a link to a folder that does not exist"
    return f"cannot be read: {exc.strerror or exc}"


def _within(path: Path, layer: Path) -> str:
    """`path` as named in a message about a file of `layer`: from the layer when it is
    in it ("exercises/clam.yaml"), else in full."""
    try:
        return path.relative_to(layer).as_posix()
    except ValueError:
        return str(path.absolute())


def _id_of(item: Any) -> str | None:
    """The id an entry that failed validation was meant to have, if it says."""
    entry_id = item.get("id") if isinstance(item, dict) else None
    return entry_id if isinstance(entry_id, str) else None


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'s' * (number != 1)}"


def _resolve(path: Path) -> Path:
    """`path.resolve()`; a symbolic link loop raises OSError on every Python version
    (3.11 and 3.12 raise RuntimeError)."""
    try:
        return path.resolve()
    except RuntimeError:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def _looks_like_image(path: Path) -> bool:
    """The file starts as an image must (a renamed text file is refused): an SVG drawing
    for .svg; a PNG or a JPEG picture for .png, .jpg and .jpeg (Qt reads a picture by
    what it holds, so a PNG saved with a .jpg name shows)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    if path.suffix.lower() != ".svg":
        return kind_of(head) in ("PNG", "JPEG")
    return kind_of(head) == "SVG" and b"<!ENTITY" not in head  # no XML entity tricks


def _not_this_kind(path: Path) -> str:
    """Why a picture that is not what its name says is refused, in words: what it holds
    where that is known ("is an SVG file named .png: name it arm.svg")."""
    kind, suffix = picture_kind(path), path.suffix.lower()
    if kind is None or suffix in SUFFIXES[kind]:  # what it says, yet not readable
        return f"is not a readable {path.suffix[1:].upper()} image"
    if kind in ("SVG", "PNG", "JPEG"):
        return (f"is {kind_named(path, kind)}: name it {path.stem}{SUFFIXES[kind][0]} "
                "(the file and this line)")
    return f"is {kind_named(path, kind)}: save it as a PNG, JPEG or SVG picture"


def _one_level_off(folder: Path) -> str:
    """What to give instead of `folder`, when the content folder is one level away: its
    parent (`folder` is its conditions/, say) or a folder in it; "" if neither."""
    def is_content(path: Path) -> bool:
        try:
            return any((path / name).exists() for name in (*LIST_FILES, *ENTRY_FOLDERS))
        except OSError:
            return False

    if folder.name in ENTRY_FOLDERS and is_content(folder.parent):
        return (f"it is the {folder.name}/ folder of the content folder {folder.parent}: "
                "give that folder")
    try:
        inside = sorted(p for p in folder.iterdir() if p.is_dir() and is_content(p))
    except OSError:
        return ""
    if len(inside) == 1:
        return f"the content folder inside it is {inside[0]}: give that folder"
    if inside:
        return f"give one of the content folders inside it: {', '.join(map(str, inside))}"
    return ""


def load_content(layers: Iterable[Path], svg_file: Path | None = None,
                 damage: Callable[[Path], str | None] | None = None) -> Content:
    """Load the layers in order (built-in first) and return content plus problems.
    `damage`, when given, decodes each picture (the model itself has no decoder)."""
    loader = _Loader(svg_file, damage)
    for layer in layers:
        loader.load_layer(Path(layer))
    loader.cross_check()
    loader.content.problems.sort()
    return loader.content


def did_you_mean(word: str, choices: Iterable[str],
                 aliases: Mapping[str, str] | None = None) -> str:
    """" (did you mean 'x'?)" for the choice closest to `word`, or "" if none is close.
    `aliases`: other names, each with the choice it stands for."""
    named = {choice: choice for choice in choices} | dict(aliases or {})
    hint = difflib.get_close_matches(word, list(named), n=1)
    return f" (did you mean '{named[hint[0]]}'?)" if hint else ""


def _field_name(loc: Sequence[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _fields_at(model: Any, loc: Sequence[str | int]) -> list[str]:
    """The field names of the entity that `loc` (a pydantic location inside `model`)
    points into: for ("exercises", 0) in a Condition, those of ExerciseUse. [] if the
    location does not lead to an entity."""
    for part in loc:
        model = _entity(model)
        if isinstance(part, int):  # an item of a list: tuple[X, ...] -> X
            args = typing.get_args(model) if typing.get_origin(model) is tuple else ()
            if not args:
                return []
            model = args[0]
        elif dataclasses.is_dataclass(model):
            try:
                hints = typing.get_type_hints(model)
            except (NameError, TypeError):  # no hint rather than a crash
                return []
            if part not in hints:
                return []
            model = hints[part]
        else:
            return []
    model = _entity(model)
    if not (isinstance(model, type) and dataclasses.is_dataclass(model)):
        return []
    return [f.name for f in dataclasses.fields(model)]


def _entity(hint: Any) -> Any:
    """`hint` without `| None` (the one other type of an optional field)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    is_union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    return args[0] if is_union and len(args) == 1 else hint


def _friendly(error: Any, model: type) -> str:
    """Turn a pydantic error into words a clinician understands. `model` is the entity
    the data was validated as (the fields that may be suggested for a typo)."""
    kind = error["type"]
    given = error.get("input")
    if kind in ("missing", "missing_argument"):
        return "is missing (it is required)"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        # only the fields of the entity where the typo is: 'tempo' in a dose is not
        # 'steps', and a field is never suggested in place of itself
        loc = tuple(error["loc"])
        name = str(loc[-1])
        fields = [f for f in _fields_at(model, loc[:-1]) if f != name]
        return "is not a known field" + did_you_mean(name, fields)
    if kind in ("list_type", "tuple_type"):
        return "should be a list (one '- item' per line)"
    if kind == "string_type":
        return f"should be text, not {_describe(given)}"
    if (kind == "string_pattern_mismatch" and error["loc"][-1] in ("id",)) or (
        kind == "string_pattern_mismatch" and "a-z0-9" in str(error.get("ctx", {}))
    ):
        return f"'{given}' is not a valid id: use lower-case words joined by hyphens"
    if kind == "too_short":
        return "must not be empty" if isinstance(given, str) else "needs at least one entry"
    if kind == "string_too_long":
        return f"is too long (at most {error['ctx']['max_length']} characters)"
    if kind in ("bool_type", "bool_parsing"):
        return f"should be true or false, not {given!r}"
    if kind.startswith("date"):
        if isinstance(given, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", given.strip()):
            return f"{given.strip()!r} is not a day of the calendar: check the month and day"
        return f"should be a date written as \"YYYY-MM-DD\", not {given!r}"
    if kind in ("model_type", "model_attributes_type", "dict_type", "dataclass_type",
                "dataclass_args_type"):
        return f"should be a set of 'field: value' lines, not {_describe(given)}"
    message = str(error["msg"])
    for prefix in ("Value error, ", "Input "):
        message = message.removeprefix(prefix)
    return message[0].lower() + message[1:] if message else "is not valid"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if value is None:
        return "nothing"
    return repr(value)
