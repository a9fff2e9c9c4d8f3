"""The loaded content: every entry by id, plus the problems found while loading."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.model.diagram_shapes import DiagramShapes
from explorer.model.entities import (
    Clue,
    Condition,
    Exercise,
    Page,
    Reference,
    Region,
    Treatment,
)
from explorer.model.problems import Problem


@dataclass
class Content:
    """All entries, in file order; `images` maps exercise ids to checked image files."""

    regions: dict[str, Region] = field(default_factory=dict)
    clues: dict[str, Clue] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    conditions: dict[str, Condition] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    treatments: dict[str, Treatment] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    images: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    layers: tuple[Path, ...] = ()
    diagram: DiagramShapes | None = None  # the region shapes, when checked against a drawing

    @property
    def red_flag_clues(self) -> list[Clue]:
        return [clue for clue in self.clues.values() if clue.red_flag]

    def region_name(self, region_id: str) -> str:
        region = self.regions.get(region_id)
        return region.name if region else region_id

    def entry_title(self, kind: str, entry_id: str) -> str:
        """The name of a condition, exercise or treatment, or a page's title, as links
        name them (`kind` as in `hip:kind/id`); "" if there is no such entry."""
        if kind == "page":
            page = self.pages.get(entry_id)
            return page.title if page else ""
        entries: dict[str, Mapping[str, Condition | Exercise | Treatment]] = {
            "condition": self.conditions, "exercise": self.exercises,
            "treatment": self.treatments}
        entry = entries.get(kind, {}).get(entry_id)
        return entry.name if entry else ""
