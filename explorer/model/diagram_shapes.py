"""Read the region shapes out of the diagram SVG, without Qt.

The diagram's regions are `<g id="REGION">` groups of `<path>` elements drawn with
absolute M/L/C/Q/Z commands and no transforms (see resources/README.md). Curves are
flattened into polygons, which both the loader (which ids exist) and the UI (hit
testing, highlighting, printing) use, so every consumer agrees on the shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SVG_NS = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]
Polygon = tuple[Point, ...]

_TOKEN = re.compile(r"[MLCQZmlcqzHhVvSsTtAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_CURVE_STEPS = 16
BADGE_RADIUS = 19.0  # drawing units: about 22 px across at the window's normal size
BADGE_EXTENT = BADGE_RADIUS + 3.0  # the badge and its rim


class ShapeError(ValueError):
    """A region path that this reader does not understand."""


@dataclass(frozen=True)
class DiagramShapes:
    """Region polygons and the drawing's view box (x, y, width, height).

    `source` is the file they were read from, so a copy kept with the content (and in
    its cache) is only reused for that same drawing.
    """

    view_box: tuple[float, float, float, float]
    regions: dict[str, tuple[Polygon, ...]]
    element_ids: frozenset[str]
    source: str = ""
    # where each region's pain badges go on the right-hip drawing (the left mirrors
    # them); placed once when the drawing is read, so it is kept in the content cache
    badges: dict[str, tuple[Point, ...]] = field(default_factory=dict)


def read_shapes(svg_file: Path, region_ids: list[str] | None = None) -> DiagramShapes:
    """Parse `svg_file`; collect polygons for `region_ids` (default: none)."""
    import xml.etree.ElementTree as ET  # only when the drawing is read, not from the cache

    root = ET.parse(svg_file).getroot()
    ids = frozenset(el.get("id", "") for el in root.iter() if el.get("id"))
    box = [float(v) for v in (root.get("viewBox") or "0 0 100 100").replace(",", " ").split()]
    view_box = (box[0], box[1], box[2], box[3])
    regions: dict[str, tuple[Polygon, ...]] = {}
    for region in region_ids or []:
        element = next((el for el in root.iter() if el.get("id") == region), None)
        if element is None:
            continue
        polygons = []
        for el in element.iter():
            if el.get("transform"):
                raise ShapeError(f"region '{region}' uses a transform; draw it in place")
            if el.tag == f"{SVG_NS}path" or el.tag == "path":
                polygons.extend(path_to_polygons(el.get("d", "")))
        regions[region] = tuple(polygons)
    return DiagramShapes(view_box=view_box, regions=regions, element_ids=ids,
                         source=str(svg_file), badges=place_badges(view_box, regions))


def panel_index(view_box: tuple[float, float, float, float], x: float) -> int:
    """Which view (0 front, 1 side, 2 back: thirds of the drawing) is at `x`; the
    nearest one for an `x` outside the drawing."""
    return min(2, max(0, int((x - view_box[0]) // (view_box[2] / 3))))


def panel_of(view_box: tuple[float, float, float, float], x: float) -> float:
    """The centre line of the view at `x`."""
    return view_box[0] + view_box[2] / 3 * (panel_index(view_box, x) + 0.5)


def place_badges(view_box: tuple[float, float, float, float],
                 regions: dict[str, tuple[Polygon, ...]]) -> dict[str, tuple[Point, ...]]:
    """Each region's pain badge spots: one per view it appears in, at the roomiest point
    of its largest part there, clear of the badges of the regions before it."""
    placed: dict[str, tuple[Point, ...]] = {}
    taken: list[Point] = []
    for region, polygons in regions.items():
        largest: dict[float, tuple[float, list[Point]]] = {}  # panel -> (area, part)
        for polygon in polygons:
            xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
            panel = panel_of(view_box, (min(xs) + max(xs)) / 2)
            area = (max(xs) - min(xs)) * (max(ys) - min(ys))
            if area > largest.get(panel, (-1.0, []))[0]:
                largest[panel] = (area, list(polygon))
        spots = []
        for panel in sorted(largest):
            candidates = roomy_points(largest[panel][1])
            if not candidates:
                continue
            best_room, spot = candidates[0]
            for room, (x, y) in candidates:
                if room < 0.6 * best_room:
                    break
                if all((x - tx) ** 2 + (y - ty) ** 2 >= (2 * BADGE_EXTENT + 8) ** 2
                       for tx, ty in taken):
                    spot = (x, y)
                    break
            spots.append(spot)
            taken.append(spot)
        placed[region] = tuple(spots)
    return placed


def path_to_polygons(d: str) -> list[Polygon]:
    """Flatten SVG path data made of absolute M, L, C, Q and Z into polygons."""
    tokens = _TOKEN.findall(d)
    polygons: list[Polygon] = []
    current: list[Point] = []
    i = 0
    command = ""

    def numbers(count: int) -> list[float]:
        nonlocal i
        values = tokens[i : i + count]
        if len(values) < count or any(v.isalpha() for v in values):
            raise ShapeError(f"path command {command} needs {count} numbers")
        i += count
        return [float(v) for v in values]

    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command not in "MLCQZ":
                raise ShapeError(f"path command '{command}' is not supported (use M L C Q Z)")
        elif not command or command == "Z":
            raise ShapeError("path data must start with a command")
        if command == "Z":
            if len(current) > 2:
                polygons.append(tuple(current))
            current = []
            continue
        if i >= len(tokens) or tokens[i].isalpha():
            continue
        if command == "M":
            if len(current) > 2:
                polygons.append(tuple(current))
            x, y = numbers(2)
            current = [(x, y)]
            command = "L"  # further pairs after M are lines
        elif command == "L":
            x, y = numbers(2)
            current.append((x, y))
        elif command == "C":
            x1, y1, x2, y2, x, y = numbers(6)
            current.extend(_cubic(current[-1], (x1, y1), (x2, y2), (x, y)))
        elif command == "Q":
            x1, y1, x, y = numbers(4)
            current.extend(_quad(current[-1], (x1, y1), (x, y)))
    if len(current) > 2:
        polygons.append(tuple(current))
    return polygons


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    out = []
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        u = 1 - t
        out.append((
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        ))
    return out


def _quad(p0: Point, p1: Point, p2: Point) -> list[Point]:
    out = []
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        u = 1 - t
        out.append((
            u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
            u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
        ))
    return out


def crossings(polygon: list[Point], value: float, axis: int) -> list[float]:
    """Where the closed polygon crosses the line (y = value for axis 1, x = value for
    axis 0), along the other axis, sorted."""
    other = 1 - axis
    out = []
    for k, a in enumerate(polygon):
        b = polygon[k - 1]
        if (a[axis] > value) != (b[axis] > value):
            t = (value - a[axis]) / (b[axis] - a[axis])
            out.append(a[other] + (b[other] - a[other]) * t)
    return sorted(out)


def roomy_points(polygon: list[Point], rows: int = 24) -> list[tuple[float, Point]]:
    """Points inside the polygon with their room (how far the shape's edge is to the
    left, right, above and below, whichever is nearest), roomiest first: where a label
    or badge fits best."""
    ys = [p[1] for p in polygon]
    top, bottom = min(ys), max(ys)
    found: list[tuple[float, Point]] = []
    for step in range(1, rows):
        y = top + (bottom - top) * step / rows
        xs = crossings(polygon, y, 1)
        for left, right in zip(xs[0::2], xs[1::2], strict=False):
            x = (left + right) / 2
            column = crossings(polygon, x, 0)
            span = next(((a, b) for a, b in zip(column[0::2], column[1::2], strict=False)
                         if a <= y <= b), None)
            if span is None:
                continue
            found.append((min((right - left) / 2, y - span[0], span[1] - y), (x, y)))
    found.sort(key=lambda item: -item[0])
    return found
