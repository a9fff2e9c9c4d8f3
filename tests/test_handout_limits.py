"""What a handout file may hold, the same when saving and opening: a handout that saves
always opens again, and a file over a limit opens without what is over it (the user is
told what was left out and why), with its exercises and notes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from pdf_pages import pages_text

from explorer.model.drawing import MAX_STROKE_POINTS, MAX_STROKES
from explorer.model.handout import (
    DOSE_MAX,
    MAX_EXERCISES,
    MAX_HANDOUT_BYTES,
    NOTE_MAX,
    Handout,
    HandoutError,
    HandoutExercise,
    from_json,
    read_handout,
    write_handout,
)


def handout(**fields: Any) -> str:
    return json.dumps({"format": "hip-explorer-handout", "version": 1, "patient": "Kim",
                       "exercises": [{"exercise": "clam", "sets": "3"}], **fields})


def stroke(points: int, colour: str = "#d55e00") -> tuple[str, tuple[tuple[float, float], ...]]:
    """A pen stroke as the pen draws one: a point every 1.5 units, to 0.1."""
    return colour, tuple((round(100 + (i % 500) * 1.5, 1), round(100 + i // 500 * 3, 1))
                         for i in range(points))


# ---- pen drawings --------------------------------------------------------------------------
@pytest.mark.parametrize(("drawings", "problem"), [
    ((stroke(MAX_STROKE_POINTS + 1),),
     "stroke 1 of the pen drawing has 5,001 points (at most 5,000)"),
    (tuple(stroke(2) for _ in range(MAX_STROKES + 1)),
     "the pen drawing has 501 strokes (at most 500)"),
    (tuple(stroke(4000) for _ in range(8)),
     "the pen drawing has 32,000 points in all (at most 30,000)"),
])
def test_a_drawing_larger_than_a_file_holds_is_not_saved(
        tmp_path: Path, drawings: Any, problem: str) -> None:
    """It saved, then never opened again: the drawing is named, and nothing written."""
    path = tmp_path / "drawn.json"
    with pytest.raises(HandoutError) as raised:
        write_handout(path, Handout(patient="Kim", drawings=drawings))
    assert str(raised.value) == (
        f"drawn.json: not saved, because {problem}. Undo some pen strokes (or Edit > Clear "
        "drawing) in the window, then make the handout again.")
    assert not path.exists()


def test_the_largest_drawing_a_file_holds_saves_and_opens_again(tmp_path: Path) -> None:
    """Written a number a line, 60 strokes of 250 points took 1.2 MB: more than a handout
    file may hold, so it saved but did not open."""
    drawings = tuple(stroke(MAX_STROKE_POINTS) for _ in range(6))
    path = tmp_path / "drawn.json"
    write_handout(path, Handout(patient="Kim", drawings=drawings))
    assert path.stat().st_size < MAX_HANDOUT_BYTES
    reopened = read_handout(path)
    assert reopened.drawings == drawings and reopened.left_out == ()


def test_points_are_saved_to_a_tenth(tmp_path: Path) -> None:
    path = tmp_path / "drawn.json"
    write_handout(path, Handout(drawings=(("#d55e00", ((328.80027164442635, 374.96),)),)))
    assert read_handout(path).drawings == (("#d55e00", ((328.8, 375.0),)),)


def test_text_that_would_make_a_file_too_large_to_open_is_not_saved(tmp_path: Path) -> None:
    dose, note = "😀" * DOSE_MAX, "😀" * NOTE_MAX  # four bytes each: every field at its longest
    exercises = tuple(HandoutExercise(f"exercise-{n}", dose, dose, dose, dose, note)
                      for n in range(MAX_EXERCISES))
    path = tmp_path / "long.json"
    with pytest.raises(HandoutError, match=r"^long\.json: not saved, because it would take "
                       r"1,\d{3} KB, more than a handout file may hold \(1,024 KB\)\. "
                       r"Shorten the notes and save again\.$"):
        write_handout(path, Handout(exercises=exercises))
    assert not path.exists()


@pytest.mark.parametrize(("drawings", "why"), [
    ([["#d55e00", [[1, 1]] * (MAX_STROKE_POINTS + 1)]],
     "the pen drawing, which is larger than a handout holds: stroke 1 of the pen drawing "
     "has 5,001 points (at most 5,000)"),
    ([["#d55e00", [[1, 1]]]] * (MAX_STROKES + 1),
     "the pen drawing, which is larger than a handout holds: the pen drawing has 501 "
     "strokes (at most 500)"),
    ({"stroke": 1},
     "the pen drawing, which is damaged: 'drawings' should be a list of [colour, [[x, y], "
     "...]]"),
    ([["orange", [[1, 1]]]],
     "the pen drawing, which is damaged: stroke 1 should be a list of [colour, [[x, y], "
     '...]] (a colour such as "#d55e00"), not ["orange", [[1, 1]]]'),
    ([["#d55e00", [[1, 1]]], ["#d55e00", [[1, float("nan")]]]],
     "the pen drawing, which is damaged: stroke 2 has the point [1, NaN], not [x, y] between "
     "-10,000 and 10,000"),
])
def test_a_drawing_over_the_limits_or_damaged_is_left_out_with_the_reason(
        drawings: Any, why: str) -> None:
    """The whole handout was refused, for a big but well-formed drawing with "'drawings'
    should be a list of [colour, [[x, y], ...]]"."""
    read = from_json(handout(drawings=drawings), "h.json")
    assert read.drawings == () and read.left_out == (why,)
    assert read.patient == "Kim" and read.exercises == (HandoutExercise("clam", sets="3"),)


# ---- what is not a file ----------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_not_opened_as_a_handout(tmp_path: Path) -> None:
    """Opening a pipe waited for ever for someone to write into it: the builder froze."""
    pipe = tmp_path / "handout.json"
    os.mkfifo(pipe)
    with pytest.raises(HandoutError) as raised:
        read_handout(pipe)
    assert str(raised.value) == (f"{pipe}: not a handout file (not an ordinary file, but a "
                                 "pipe or a device)")


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(HandoutError) as raised:
        read_handout(tmp_path)
    assert str(raised.value) == f"{tmp_path}: this is a folder, not a handout file"


# ---- exercises ----------------------------------------------------------------------------
def test_an_exercise_listed_again_is_kept_once_as_first_listed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file of 20,000 copies of one exercise froze the builder for 15 s, and `export
    --handout` printed 6,668 pages: the builder lists each exercise once."""
    from explorer.cli import main

    items = [{"exercise": "bridge", "sets": "3"}, {"exercise": "clam"}]
    items += [{"exercise": "bridge", "sets": "9"}] * 20_000
    path = tmp_path / "copies.json"
    path.write_text(handout(exercises=items))
    read = read_handout(path)
    assert read.exercises == (HandoutExercise("bridge", sets="3"), HandoutExercise("clam"))
    assert read.left_out == ("20,000 repeats of an exercise already listed ('bridge'): each "
                             "is kept once, as first listed",)
    out = tmp_path / "copies.pdf"
    assert main(["export", "--handout", str(path), "--output", str(out)]) == 0
    printed = capsys.readouterr()
    assert f"{path}: left out 20,000 repeats of an exercise" in printed.err
    pages = int(printed.out.split("(")[1].split()[0])
    assert pages <= 3


def test_a_condition_listed_again_is_kept_once(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """"What we talked about" listed it twice, and a pack printed its summary twice."""
    from explorer.cli import main

    gtps, oa = "greater-trochanteric-pain-syndrome", "hip-osteoarthritis"
    path = tmp_path / "twice.json"
    path.write_text(handout(conditions=[gtps, oa, gtps] * 2, exercises=[]))
    read = read_handout(path)
    assert read.conditions == (gtps, oa)
    assert read.left_out == (f"4 repeats of a condition already listed ('{gtps}', '{oa}'): "
                             "each is kept once, as first listed",)
    out = tmp_path / "twice.pdf"
    assert main(["export", "--handout", str(path), "--output", str(out)]) == 0
    assert "left out 4 repeats of a condition" in capsys.readouterr().err
    text = " ".join(pages_text(out))
    assert text.count("Greater trochanteric pain syndrome (gluteal tendinopathy)") == 1


def test_exercises_past_the_most_a_handout_holds_are_left_out(tmp_path: Path) -> None:
    items = [{"exercise": f"exercise-{n}"} for n in range(MAX_EXERCISES + 30)]
    read = from_json(handout(exercises=items), "h.json")
    assert [e.exercise for e in read.exercises] == [f"exercise-{n}" for n in range(50)]
    assert read.left_out == ("30 exercises after the first 50: a handout holds at most 50 "
                             "(people follow one best with at most 6)",)
    with pytest.raises(HandoutError, match=r"^many\.json: not saved, because the handout "
                       r"has 80 exercises \(at most 50\)\. Shorten it and save again\.$"):
        write_handout(tmp_path / "many.json", Handout(exercises=tuple(
            HandoutExercise(f"exercise-{n}") for n in range(80))))
