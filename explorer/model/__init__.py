"""The content model: pure Python, never imports Qt (checked by tests/test_architecture.py).

The loader (PyYAML, pydantic) is imported on first use of `load_content`, so code that
only reads cached content starts faster.
"""

from typing import TYPE_CHECKING, Any

from explorer.model.content import Content
from explorer.model.entities import Clue, Condition, Exercise, Page, Reference, Region, Treatment
from explorer.model.problems import Problem
from explorer.model.queries import (
    Match,
    clue_evidence,
    clues_for_regions,
    conditions_by_region,
    main_area,
    rank_conditions,
)
from explorer.model.search import SearchHit, search

if TYPE_CHECKING:
    from explorer.model.loader import load_content

__all__ = [
    "Clue", "Condition", "Content", "Exercise", "Match", "Page", "Problem", "Reference",
    "Region", "SearchHit", "Treatment", "clue_evidence", "clues_for_regions",
    "conditions_by_region", "load_content", "main_area", "rank_conditions", "search",
]


def __getattr__(name: str) -> Any:
    if name == "load_content":
        from explorer.model.loader import load_content

        return load_content
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
