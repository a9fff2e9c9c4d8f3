"""The region shapes read from the drawing, and the pain badge spots placed on them
(pure geometry, no Qt): every spot lies inside its region, in the view it belongs to,
clear of the others, and is read from the content cache rather than placed again."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.model import cache, diagram_shapes
from explorer.model.diagram_shapes import (
    BADGE_EXTENT,
    Point,
    Polygon,
    crossings,
    panel_of,
    read_shapes,
)
from explorer.paths import builtin_content_dir, diagram_svg

DIAGRAM = diagram_svg()  # the product's drawing

REGIONS = ["front", "groin", "outer", "back"]


def inside(point: Point, polygons: tuple[Polygon, ...]) -> bool:
    x, y = point
    return any(sum(1 for c in crossings(list(p), y, 1) if c < x) % 2 == 1 for p in polygons)


def test_every_badge_is_inside_its_region_once_per_view() -> None:
    shapes = read_shapes(DIAGRAM, REGIONS)
    views = {panel_of(shapes.view_box, p[0]) for polygons in shapes.regions.values()
             for polygon in polygons for p in polygon[:1]}
    assert len(views) == 3
    for region in REGIONS:
        spots = shapes.badges[region]
        assert spots, region
        assert all(inside(spot, shapes.regions[region]) for spot in spots), region
        panels = [panel_of(shapes.view_box, x) for x, _ in spots]
        assert len(set(panels)) == len(panels), f"{region}: two badges in one view"
    # "outer" shows in all three views, "groin" only from the front
    assert len(shapes.badges["outer"]) == 3
    assert len(shapes.badges["groin"]) == 1


def test_badges_do_not_overlap() -> None:
    shapes = read_shapes(DIAGRAM, REGIONS)
    spots = [s for region in REGIONS for s in shapes.badges[region]]
    for i, (ax, ay) in enumerate(spots):
        for bx, by in spots[i + 1:]:
            assert (ax - bx) ** 2 + (ay - by) ** 2 >= (2 * BADGE_EXTENT) ** 2


def test_a_warm_start_reads_the_badges_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIP_EXPLORER_CACHE_DIR", str(tmp_path))
    first = cache.load_content_cached([builtin_content_dir()], svg_file=DIAGRAM)
    assert first.diagram is not None and set(first.diagram.badges) == set(first.regions)

    def no_placing(*args: object) -> None:
        raise AssertionError("badges placed again on a warm start")

    monkeypatch.setattr(diagram_shapes, "place_badges", no_placing)
    warm = cache.load_content_cached([builtin_content_dir()], svg_file=DIAGRAM)
    assert warm.diagram is not None and warm.diagram.badges == first.diagram.badges
