"""The content model: pure Python, never imports Qt (checked by tests/test_architecture.py)."""

from explorer.model.content import Content
from explorer.model.entities import Clue, Condition, Exercise, Page, Reference, Region, Treatment
from explorer.model.loader import load_content
from explorer.model.problems import Problem
from explorer.model.queries import Match, SearchHit, conditions_by_region, rank_conditions, search

__all__ = [
    "Clue", "Condition", "Content", "Exercise", "Match", "Page", "Problem", "Reference",
    "Region", "SearchHit", "Treatment", "conditions_by_region", "load_content",
    "rank_conditions", "search",
]
