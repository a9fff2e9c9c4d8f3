"""A pen drawing's limits, the same for the pen, saving a handout and reading one: within
them a drawing takes at most about 600 KB of a handout file (a stroke a line, points to
0.1), so it always fits. A module of its own: the diagram, on the start-up path, needs the
limits without the handout model."""

from __future__ import annotations

from collections.abc import Sequence

MAX_STROKES, MAX_STROKE_POINTS, MAX_DRAWING_POINTS = 500, 5000, 30_000
COORDINATE_MAX = 10_000  # a point's x and y lie strictly between minus and plus this
# pen drawings from clinic mode, in diagram coordinates: (colour, points) for each stroke
Drawing = tuple[tuple[str, tuple[tuple[float, float], ...]], ...]


def drawing_too_large(drawings: Sequence[tuple[str, Sequence[tuple[float, float]]]]
                       ) -> list[str]:
    """How a pen drawing passes the limits a handout file holds (MAX_STROKES...), in
    words; empty if it fits."""
    problems = []
    if len(drawings) > MAX_STROKES:
        problems.append(f"the pen drawing has {len(drawings):,} strokes (at most "
                        f"{MAX_STROKES:,})")
    problems += [f"stroke {number} of the pen drawing has {len(points):,} points (at most "
                 f"{MAX_STROKE_POINTS:,})" for number, (_, points) in enumerate(drawings, 1)
                 if len(points) > MAX_STROKE_POINTS]
    total = sum(len(points) for _, points in drawings)
    if total > MAX_DRAWING_POINTS:
        problems.append(f"the pen drawing has {total:,} points in all (at most "
                        f"{MAX_DRAWING_POINTS:,})")
    return problems
